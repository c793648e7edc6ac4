namespace BriOrleans.GrainInterfaces;

/// <summary>The fixed roles an organization can hold (DOMAIN.md, participants).</summary>
public static class OrganizationRoles
{
    /// <summary>Admits, suspends and reinstates organizations of its own country only.</summary>
    public const string Registrar = "registrar";
    public const string Exporter = "exporter";
    public const string Importer = "importer";
    public const string Carrier = "carrier";
    public const string Forwarder = "forwarder";
    public const string Port = "port";
    /// <summary>A country's customs authority: customs events, holds and releases in its country.</summary>
    public const string Customs = "customs";
    public const string Bank = "bank";
    public const string Insurer = "insurer";
    /// <summary>The owner of a financed project.</summary>
    public const string Sponsor = "sponsor";
    public const string Lender = "lender";
    /// <summary>Reads everything that touches its country.</summary>
    public const string Regulator = "regulator";
    public const string Auditor = "auditor";
    /// <summary>A node key of the validator committee; named by genesis and governance, never by a registrar.</summary>
    public const string Validator = "validator";

    /// <summary>Every role, in the order DOMAIN.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Registrar, Exporter, Importer, Carrier, Forwarder, Port, Customs, Bank, Insurer, Sponsor, Lender, Regulator,
        Auditor, Validator,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
