using System.Runtime.InteropServices;

namespace BriOrleans.Crypto;

/// <summary>Finds libsecp256k1 before first use, so a missing package is one clear message, not a bare DllNotFoundException.</summary>
internal static class Secp256k1Library
{
    internal const string DebianPackage = "libsecp256k1-1";

    /// <summary>Throws <see cref="DllNotFoundException"/> naming the Debian package when <paramref name="libraryName"/> cannot be loaded.</summary>
    internal static void EnsureLoadable(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, out var handle))
            throw new DllNotFoundException(
                $"libsecp256k1 is not installed (could not load '{libraryName}'): " +
                $"run `apt-get install {DebianPackage}` (or ./test.sh, which installs it)");
        NativeLibrary.Free(handle);
    }
}
