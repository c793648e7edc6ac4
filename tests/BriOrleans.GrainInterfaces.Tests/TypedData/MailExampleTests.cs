using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

public class MailExampleTests
{
    private static readonly TypedDataDocument s_mail = TypedDataDocument.Parse(MailExample.Json);

    [Fact]
    public void The_digest_is_the_one_the_standard_gives()
    {
        Assert.Equal(Hash256.Parse(MailExample.Digest), Eip712.Digest(s_mail));
    }

    [Fact]
    public void The_domain_separator_and_message_hash_are_the_ones_the_standard_gives()
    {
        Assert.Equal(Hash256.Parse(MailExample.DomainSeparator), Eip712.DomainSeparator(s_mail));
        Assert.Equal(Hash256.Parse(MailExample.MessageHash), Eip712.HashStruct(s_mail.Types, "Mail", s_mail.Message));
    }

    [Fact]
    public void Mail_encodes_its_type_with_Person_after_it()
    {
        Assert.Equal(MailExample.EncodedType, Eip712.EncodeType(s_mail.Types, "Mail"));
    }

    [Fact]
    public void The_cow_key_signs_the_signature_the_standard_gives()
    {
        Assert.Equal(TestKeys.CowAddress, TestKeys.Cow.Address);
        var signature = TestKeys.Cow.Sign(Eip712.Digest(s_mail));
        Assert.Equal(MailExample.SignatureV, signature.V);
        Assert.Equal(Hex.Decode(MailExample.SignatureR), signature.R.ToArray());
        Assert.Equal(Hex.Decode(MailExample.SignatureS), signature.S.ToArray());
    }

    [Fact]
    public void The_standard_signature_recovers_the_cow_address()
    {
        var signature = Signature.Parse(MailExample.SignatureR + MailExample.SignatureS[2..] + "1c");
        Assert.Equal(TestKeys.CowAddress, signature.RecoverSigner(Eip712.Digest(s_mail)));
    }
}
