using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests.CrossClient;
using BriOrleans.Ledger;
using BriOrleans.Transactions;
using System.Text.Json.Nodes;

namespace BriOrleans.GrainInterfaces.Tests.Transactions;

public class SignedTransactionTests
{
    private const ulong ChainId = 7031;
    private static readonly PrivateKey Sender = PrivateKey.FromHex("0x" + new string('2', 64));
    private static readonly PrivateKey Validator = PrivateKey.FromHex("0x" + new string('3', 64));

    [Theory]
    [MemberData(nameof(SampleTransactions.KindNames), MemberType = typeof(SampleTransactions))]
    public void A_signed_transaction_survives_its_canonical_encoding_with_the_same_hash_and_signer(string name)
    {
        var signed = SignedTransaction.Sign(SampleTransactions.Of(SampleTransactions.Kind(name), Sender.Address, 5), Sender, ChainId);

        var decoded = SignedTransaction.FromRlp(Rlp.Decode(signed.ToRlp().Encode()), ChainId);

        Assert.Equal(signed.Hash, decoded.Hash);
        Assert.Equal(signed.ToRlp(), decoded.ToRlp());
        Assert.True(decoded.IsSignedBySender());
    }

    [Fact]
    public void A_transaction_signed_by_another_key_is_not_signed_by_its_sender()
    {
        var tx = new AcceptCustody(Sender.Address, 0, "S1");
        var forged = SignedTransaction.Sign(tx, Validator, ChainId);
        Assert.False(forged.IsSignedBySender());
    }

    [Fact]
    public void The_same_transaction_hashes_differently_on_another_network()
    {
        var tx = new AcceptCustody(Sender.Address, 0, "S1");
        Assert.NotEqual(SignedTransaction.Sign(tx, Sender, 1).Hash, SignedTransaction.Sign(tx, Sender, 2).Hash);
    }

    [Fact]
    public void A_block_survives_its_encoding_and_its_id_ignores_the_signature()
    {
        var txs = TransactionCatalog.All.Select((kind, i) =>
            SignedTransaction.Sign(SampleTransactions.Of(kind, Sender.Address, (ulong)i), Sender, ChainId)).ToArray();
        var block = Block.Produce(ChainId, Keccak.Hash([1]), 1, 1_700_000_000_000, [Keccak.Hash([2])], txs,
            Keccak.Hash([3]), Keccak.Hash([4]), Validator);

        var decoded = Block.Decode(block.Encode(), ChainId);

        Assert.Equal(block.Id, decoded.Id);
        Assert.Equal(block.Encode(), decoded.Encode());
        Assert.Empty(decoded.IntrinsicProblems());
        Assert.Equal(block.Header.Id, new BlockHeader(ChainId, Keccak.Hash([1]), 1, 1_700_000_000_000, Validator.Address,
            [Keccak.Hash([2])], Block.TransactionsRootOf(txs), Keccak.Hash([3]), Keccak.Hash([4])).Id);
    }

    [Fact]
    public void A_block_whose_body_was_changed_reports_the_mismatch()
    {
        var tx = SignedTransaction.Sign(new AcceptCustody(Sender.Address, 0, "S1"), Sender, ChainId);
        var other = SignedTransaction.Sign(new AcceptCustody(Sender.Address, 1, "S1"), Sender, ChainId);
        var block = Block.Produce(ChainId, Hash256.Zero, 1, 1, [], [tx], Hash256.Zero, Hash256.Zero, Validator);

        var tampered = new Block(block.Header, block.Signature, [other]);

        Assert.Contains(tampered.IntrinsicProblems(), p => p.Contains("transactions root"));
    }

    [Fact]
    public void A_block_signed_by_someone_other_than_its_author_reports_it()
    {
        var block = Block.Produce(ChainId, Hash256.Zero, 1, 1, [], [], Hash256.Zero, Hash256.Zero, Validator);
        var resigned = new Block(block.Header, Sender.Sign(block.Id), []);
        Assert.Contains(resigned.IntrinsicProblems(), p => p.Contains("does not recover to the author"));
    }

    // A node's own block was built from transactions it verified, with the root computed from them: only the
    // block's signature and the duplicate check remain to be done.
    [Fact]
    public void A_block_produced_here_is_checked_for_its_signature_and_duplicates_but_not_rehashed()
    {
        var tx = SignedTransaction.Sign(new AcceptCustody(Sender.Address, 0, "S1"), Sender, ChainId);
        var block = Block.Produce(ChainId, Hash256.Zero, 1, 1, [], [tx, tx], Hash256.Zero, Hash256.Zero, Validator);
        var resigned = new Block(block.Header, Sender.Sign(block.Id), block.Transactions);

        var problems = resigned.IntrinsicProblems(producedHere: true).ToList();

        Assert.Contains(problems, p => p.Contains("does not recover to the author"));
        Assert.Contains(problems, p => p.Contains("appears twice"));
        Assert.DoesNotContain(problems, p => p.Contains("transactions root") || p.Contains("not signed by its sender"));
    }

    [Fact]
    public void A_block_of_another_chain_is_refused_when_decoded()
    {
        var block = Block.Produce(ChainId, Hash256.Zero, 1, 1, [], [], Hash256.Zero, Hash256.Zero, Validator);
        Assert.Throws<RlpException>(() => Block.Decode(block.Encode(), ChainId + 1));
    }

    [Fact]
    public void Ethers_signs_the_prepared_typed_data_of_every_kind_to_the_same_digest_and_signer()
    {
        var prepared = TransactionCatalog.All
            .Select(kind => kind.ToTypedData(SampleTransactions.Of(kind, Sender.Address, 9), ChainId))
            .ToArray();
        var results = Ethers.Run(prepared.Select(p => new JsonObject
        {
            ["op"] = "sign",
            ["privateKey"] = Sender.ExportHex(),
            ["typedData"] = p.ToJson(),
        }));
        for (var i = 0; i < prepared.Length; i++)
        {
            Assert.True(results[i]["error"] is null, $"{prepared[i].PrimaryType}: {results[i]["error"]}");
            var (tx, digest) = TransactionCatalog.Decode(prepared[i], ChainId);
            Assert.Equal(digest, Hash256.Parse((string)results[i]["digest"]!));
            Assert.Equal(tx.From, Signature.Parse((string)results[i]["signature"]!).RecoverSigner(digest));
        }
    }
}
