using System.CommandLine;

namespace BriOrleans.Cli;

/// <summary><c>bri show KIND ID</c>: what the node knows about one record, as indented JSON.</summary>
internal static class ShowCommand
{
    // The API path of each kind of record; {0} is the id, escaped.
    private static readonly (string Kind, string Path)[] s_paths =
    [
        ("organization", "v1/organizations/{0}"),
        ("account", "v1/accounts/{0}"),
        ("shipment", "v1/shipments/{0}"),
        ("shipment-events", "v1/shipments/{0}/events"),
        ("contract", "v1/contracts/{0}"),
        ("project", "v1/projects/{0}"),
        ("country", "v1/countries/{0}"),
        ("block", "v1/blocks/{0}"),
        ("epoch", "v1/epochs/{0}"),
        ("document", "v1/documents/{0}"),
        ("transaction", "v1/transactions/{0}"),
        ("status", "v1/status"),
    ];

    private static string Kinds => string.Join(", ", s_paths.Select(p => p.Kind));

    internal static Command Create()
    {
        var kind = new Argument<string>("KIND") { Description = $"One of {Kinds}" };
        var id = new Argument<string?>("ID") { Description = "Address, id, hash or number of the record (none for status)", Arity = ArgumentArity.ZeroOrOne };
        var node = NodeConnection.Option();
        var command = new Command("show", "Print a record the node holds, as JSON") { kind, id, node };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var path = PathOf(parsed.GetRequiredValue(kind), parsed.GetValue(id));
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            JsonOutput.Pretty(stdout, await client.GetAsync(path, cancellation));
            return ExitCode.Success;
        }));
        return command;
    }

    internal static string PathOf(string kind, string? id)
    {
        var match = s_paths.FirstOrDefault(p => p.Kind == kind);
        if (match.Kind is null)
            throw new FormatException($"cannot show '{kind}': KIND is one of {Kinds}");
        var needsId = match.Path.Contains("{0}", StringComparison.Ordinal);
        if (needsId && string.IsNullOrEmpty(id))
            throw new FormatException($"show {kind} needs an ID");
        if (!needsId && id is not null)
            throw new FormatException($"show {kind} takes no ID");
        return needsId ? string.Format(System.Globalization.CultureInfo.InvariantCulture, match.Path, Uri.EscapeDataString(id!)) : match.Path;
    }
}
