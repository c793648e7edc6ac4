namespace BriOrleans.Storage;

/// <summary>
/// Unsigned ledger numbers in signed 64-bit columns (the only integer both providers share). Numbers the
/// database orders or compares (epochs, heights, versions, arrival indices) must fit in 63 bits; opaque ones
/// (nonces, timestamps) keep their bits, which round-trips every value.
/// </summary>
internal static class DbValues
{
    public static long Ordered(ulong value, string what) =>
        value <= long.MaxValue
            ? (long)value
            : throw new ArgumentOutOfRangeException(what, value, $"{what} {value} is beyond the largest storable value {long.MaxValue}");

    public static long Bits(ulong value) => unchecked((long)value);

    public static ulong FromBits(long value) => unchecked((ulong)value);
}
