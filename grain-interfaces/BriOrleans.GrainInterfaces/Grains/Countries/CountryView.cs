using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>A member country: its code and name, its registrars and validators, and when it joined (Unix ms).</summary>
public sealed record CountryView(
    string Code, string Name, IReadOnlyList<Address> Registrars, IReadOnlyList<Address> Validators, ulong JoinedAt);
