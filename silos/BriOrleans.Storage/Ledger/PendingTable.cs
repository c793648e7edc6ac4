using BriOrleans.Crypto;

namespace BriOrleans.Storage;

/// <summary>The pending_transactions table: transactions accepted by the API and not yet in a block, in arrival order.</summary>
internal static class PendingTable
{
    public static Task<int> InsertAsync(
        LedgerTransaction transaction, IEnumerable<(Hash256 Hash, byte[] Encoded)> pending, CancellationToken cancellationToken) =>
        transaction.ExecuteChunkedAsync(
            count => $"INSERT INTO pending_transactions (tx_hash, encoded) VALUES {Statements.ValueRows(count, "hash", "encoded")} " +
                     "ON CONFLICT (tx_hash) DO NOTHING",
            ["hash", "encoded"], [.. pending.Select(p => new object[] { p.Hash.ToArray(), p.Encoded })], cancellationToken);

    public static Task<int> DeleteAsync(LedgerTransaction transaction, IEnumerable<Hash256> hashes, CancellationToken cancellationToken) =>
        transaction.ExecuteChunkedAsync(
            count => $"DELETE FROM pending_transactions WHERE tx_hash IN ({Statements.ValueList(count, "hash")})",
            ["hash"], [.. hashes.Select(h => new object[] { h.ToArray() })], cancellationToken);

    public static Task<List<(Hash256 Hash, byte[] Encoded)>> LoadAsync(LedgerDatabase database, CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT tx_hash, encoded FROM pending_transactions ORDER BY seq", r => (new Hash256(r.Bytes(0)), r.Bytes(1)), cancellationToken);
}
