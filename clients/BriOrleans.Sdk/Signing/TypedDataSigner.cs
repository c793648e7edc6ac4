using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Sdk.Signing;

/// <summary>Signs EIP-712 typed data with a private key, giving the signature a wallet's eth_signTypedData_v4 gives.</summary>
public sealed class TypedDataSigner
{
    private readonly PrivateKey _key;

    public TypedDataSigner(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    public Address Address => _key.Address;

    /// <summary>r‖s‖v over <see cref="Eip712.Digest"/>, v = 27 or 28.</summary>
    public Signature Sign(TypedDataDocument document) => _key.Sign(Eip712.Digest(document));
}
