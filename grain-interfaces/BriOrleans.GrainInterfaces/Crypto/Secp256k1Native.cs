using System.Runtime.InteropServices;

namespace BriOrleans.Crypto;

/// <summary>Raw bindings to libsecp256k1 0.2.0 (Debian libsecp256k1-1); called only through <see cref="Secp256k1"/>.</summary>
/// <remarks>
/// The library aborts the process on an illegal argument (its default illegal callback), so the safe
/// wrappers check every length before calling in. Opaque structs are passed as byte buffers of the sizes
/// the header fixes: secp256k1_pubkey and secp256k1_ecdsa_signature are 64 bytes,
/// secp256k1_ecdsa_recoverable_signature is 65.
/// </remarks>
internal static unsafe partial class Secp256k1Native
{
    internal const string Library = "libsecp256k1.so.1";

    /// <summary>SECP256K1_CONTEXT_NONE: since 0.2.0 every context can sign and verify.</summary>
    internal const uint ContextNone = 1;
    internal const uint SerializeCompressed = (1 << 1) | (1 << 8);
    internal const uint SerializeUncompressed = 1 << 1;

    internal const int PublicKeyStructLength = 64;
    internal const int SignatureStructLength = 64;
    internal const int RecoverableSignatureStructLength = 65;

    [LibraryImport(Library, EntryPoint = "secp256k1_context_create")]
    internal static partial nint ContextCreate(uint flags);

    [LibraryImport(Library, EntryPoint = "secp256k1_context_randomize")]
    internal static partial int ContextRandomize(nint context, byte* seed32);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_seckey_verify")]
    internal static partial int SecretKeyVerify(nint context, byte* secretKey32);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_create")]
    internal static partial int PublicKeyCreate(nint context, byte* publicKey, byte* secretKey32);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    internal static partial int PublicKeySerialize(nint context, byte* output, nuint* outputLength, byte* publicKey, uint flags);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_parse")]
    internal static partial int PublicKeyParse(nint context, byte* publicKey, byte* input, nuint inputLength);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_sign_recoverable")]
    internal static partial int SignRecoverable(nint context, byte* signature, byte* messageHash32, byte* secretKey32, nint nonceFunction, nint nonceData);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_recoverable_signature_serialize_compact")]
    internal static partial int RecoverableSignatureSerializeCompact(nint context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_recoverable_signature_parse_compact")]
    internal static partial int RecoverableSignatureParseCompact(nint context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_recover")]
    internal static partial int Recover(nint context, byte* publicKey, byte* signature, byte* messageHash32);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_signature_parse_compact")]
    internal static partial int SignatureParseCompact(nint context, byte* signature, byte* input64);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_verify")]
    internal static partial int Verify(nint context, byte* signature, byte* messageHash32, byte* publicKey);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdh")]
    internal static partial int Ecdh(nint context, byte* output32, byte* publicKey, byte* secretKey32, nint hashFunction, nint data);
}
