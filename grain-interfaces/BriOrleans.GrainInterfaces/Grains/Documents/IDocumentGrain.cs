using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>A document anchored by its hash, keyed by the hash in lower-case 0x hex (<see cref="KeyOf"/>).</summary>
public interface IDocumentGrain : IGrainWithStringKey
{
    /// <summary>The grain key of a document hash: 0x and 64 lower-case hex digits.</summary>
    static string KeyOf(Hash256 documentHash) => documentHash.ToString();

    /// <summary>The anchored document; null when nobody anchored this hash.</summary>
    Task<DocumentView?> GetAsync();

    Task<TransactionOutcome> AnchorAsync(AnchorDocument transaction, TransactionContext context);
}
