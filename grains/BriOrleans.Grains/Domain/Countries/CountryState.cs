namespace BriOrleans.Grains.Domain;

/// <summary>A member country as stored; addresses in <see cref="CanonicalText"/>, in genesis order.</summary>
public sealed class CountryState
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Registrars { get; set; } = [];

    public List<string> Validators { get; set; } = [];

    public ulong JoinedAt { get; set; }
}
