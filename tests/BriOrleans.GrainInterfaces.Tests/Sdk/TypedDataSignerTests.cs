using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests.TypedData;
using BriOrleans.Sdk.Signing;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.Sdk;

public class TypedDataSignerTests
{
    [Fact]
    public void The_signer_signs_the_Mail_example_as_the_standard_does()
    {
        var signer = new TypedDataSigner(TestKeys.Cow);
        var signature = signer.Sign(TypedDataDocument.Parse(MailExample.Json));
        Assert.Equal(TestKeys.CowAddress, signer.Address);
        Assert.Equal(MailExample.SignatureR + MailExample.SignatureS[2..] + "1c", signature.ToString());
    }

    [Fact]
    public void A_signature_from_the_signer_recovers_to_its_address()
    {
        var document = TypedDataDocument.Parse(OrderExample.Json);
        var signer = new TypedDataSigner(TestKeys.FromLabel("buyer"));
        Assert.Equal(signer.Address, signer.Sign(document).RecoverSigner(Eip712.Digest(document)));
    }
}
