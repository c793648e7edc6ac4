using System.Text.Json;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.NodeCore.Admission;

/// <summary>The answer to a submitted transaction: its hash, or a stable error code with a message.</summary>
public sealed record AdmissionResult(Hash256? Hash, string ErrorCode, string Message)
{
    public bool Accepted => Hash is not null;
    public static AdmissionResult Refused(string code, string message) => new(null, code, message);
}

/// <summary>The answer to a batch: a refusal of the whole body, or one result per transaction in order.</summary>
public sealed record BatchAdmission(AdmissionResult? Refusal, IReadOnlyList<AdmissionResult> Results)
{
    public static BatchAdmission Refused(string code, string message) => new(AdmissionResult.Refused(code, message), []);
}

/// <summary>
/// Checks a submitted transaction before anything is stored (ARCHITECTURE.md, step 2): size, JSON, EIP-712 schema
/// and domain (chain id), signature (the recovered signer must be <c>from</c>), a registered and active sender,
/// and a nonce inside the window; then hands it to the pool.
/// </summary>
public sealed class TransactionAdmission(Genesis genesis, ISenderDirectory senders, TransactionPool pool, PendingJournal journal)
{
    // A member given twice is refused while parsing: JsonObject would otherwise throw ArgumentException on first
    // access, past the JsonException handler (an answer of 500 instead of 400).
    private static readonly JsonDocumentOptions s_parsing = new() { AllowDuplicateProperties = false };

    private readonly Lock _poolEntry = new();

    public int MaxBodyBytes => genesis.Parameters.MaxTransactionBytes;

    /// <summary>Admits the JSON body <c>{"typedData": {…}, "signature": "0x…"}</c>; <paramref name="body"/> is read before this returns its task.</summary>
    public Task<AdmissionResult> AdmitAsync(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MaxBodyBytes)
            return Task.FromResult(AdmissionResult.Refused(AdmissionErrors.BodyTooLarge, $"the body is over {MaxBodyBytes} bytes, the most a transaction may have"));
        Submitted? tx;
        AdmissionResult? refusal;
        using (var document = Parse(body, out var malformed))
        {
            if (document is null)
                return Task.FromResult(malformed!);
            (tx, refusal) = Decode(document.RootElement);
        }
        return tx is null ? Task.FromResult(refusal!) : AdmitSubmittedAsync(tx);
    }

    /// <summary>
    /// Admits the JSON body <c>{"transactions": [{"typedData": {…}, "signature": "0x…"}, …]}</c>: each transaction
    /// is checked and admitted as if submitted alone, and the answer holds one result per transaction, in order. A
    /// body that is not such a list of at most <see cref="SubmissionLimits.MaxBatchTransactions"/> is refused as a whole.
    /// <paramref name="body"/> is read before this returns its task.
    /// </summary>
    public Task<BatchAdmission> AdmitBatchAsync(ReadOnlyMemory<byte> body)
    {
        if (body.Length > SubmissionLimits.MaxBatchBodyBytes)
            return Task.FromResult(BatchAdmission.Refused(AdmissionErrors.BodyTooLarge, $"the body is over {SubmissionLimits.MaxBatchBodyBytes} bytes, the most a batch may have"));
        Task<AdmissionResult>[] results;
        using (var document = Parse(body, out var malformed))
        {
            if (document is null)
                return Task.FromResult(BatchAdmission.Refused(malformed!.ErrorCode, malformed.Message));
            var request = document.RootElement;
            if (!request.TryGetProperty("transactions", out var items) || items.ValueKind != JsonValueKind.Array || request.GetPropertyCount() != 1)
                return Task.FromResult(BatchAdmission.Refused(AdmissionErrors.InvalidRequest, "the body must be exactly {\"transactions\": [ … ]}"));
            var count = items.GetArrayLength();
            if (count == 0)
                return Task.FromResult(BatchAdmission.Refused(AdmissionErrors.InvalidRequest, "\"transactions\" is empty"));
            if (count > SubmissionLimits.MaxBatchTransactions)
                return Task.FromResult(BatchAdmission.Refused(AdmissionErrors.BatchTooLarge,
                    $"{count} transactions; a batch carries at most {SubmissionLimits.MaxBatchTransactions}"));
            results = new Task<AdmissionResult>[count];
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    results[index] = Task.FromResult(AdmissionResult.Refused(AdmissionErrors.InvalidRequest,
                        $"transactions[{index}] must be an object {{\"typedData\", \"signature\"}}"));
                }
                else
                {
                    var (tx, refusal) = Decode(item);
                    // Started together, the admissions share the journal's next group commit.
                    results[index] = tx is null ? Task.FromResult(refusal!) : AdmitSubmittedAsync(tx);
                }
                index++;
            }
        }
        return CollectAsync(results);

        static async Task<BatchAdmission> CollectAsync(Task<AdmissionResult>[] results) => new(null, await Task.WhenAll(results));
    }

    /// <summary>
    /// Parses <paramref name="body"/> in place (no copy of it; the parse's own tables are pooled and go back when the
    /// returned document is disposed), or null and the refusal of a body that is not a JSON object. Everything read
    /// from the document must be done with before it is disposed, as <see cref="Decode"/> is: it keeps only values
    /// it decoded or copied.
    /// </summary>
    private static JsonDocument? Parse(ReadOnlyMemory<byte> body, out AdmissionResult? malformed)
    {
        malformed = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, s_parsing);
        }
        catch (JsonException e)
        {
            malformed = AdmissionResult.Refused(AdmissionErrors.InvalidJson, e.Message);
            return null;
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return document;
        document.Dispose();
        malformed = AdmissionResult.Refused(AdmissionErrors.InvalidJson, "the body must be a JSON object");
        return null;
    }

    /// <summary>A submitted transaction decoded and hashed, its signature parsed but not yet checked.</summary>
    private sealed record Submitted(ITransaction Transaction, Hash256 Hash, Signature Signature);

    /// <summary>
    /// The checks that need no state and cost little: shape, and typed data against the schema and domain. The
    /// signer is recovered later (<see cref="AdmitSubmittedAsync"/>), after the cheap checks that need state.
    /// </summary>
    private (Submitted? Tx, AdmissionResult? Refusal) Decode(JsonElement request)
    {
        if (!request.TryGetProperty("typedData", out var typedDataJson) || typedDataJson.ValueKind != JsonValueKind.Object)
            return Refuse(AdmissionErrors.InvalidRequest, "the body needs \"typedData\": the EIP-712 typed data that was signed");
        if (!request.TryGetProperty("signature", out var signatureJson) || signatureJson.ValueKind != JsonValueKind.String)
            return Refuse(AdmissionErrors.InvalidRequest, "the body needs \"signature\": 0x followed by 130 hex digits");
        if (request.GetPropertyCount() != 2)
            return Refuse(AdmissionErrors.InvalidRequest,
                $"unexpected member(s): {string.Join(", ", request.EnumerateObject().Select(p => p.Name).Where(k => k is not ("typedData" or "signature")))}");
        if (!Signature.TryParse(StringOf(signatureJson), out var signature))
            return Refuse(AdmissionErrors.InvalidSignature, "the signature must be 65 bytes r‖s‖v in 0x hex, low-s, v 27/28 (or 0/1)");

        ITransaction transaction;
        Hash256 hash;
        try
        {
            (transaction, hash) = TransactionCatalog.Decode(TypedDataDocument.FromJson(typedDataJson), genesis.ChainId);
        }
        catch (InvalidTransactionException e)
        {
            return Refuse(e.Code, e.Message);
        }
        catch (TypedDataException e)
        {
            return Refuse(AdmissionErrors.InvalidTypedData, $"{e.Path}: {e.Message}");
        }
        return (new Submitted(transaction, hash, signature), null);

        // A string whose escapes leave an unpaired surrogate has no text; no signature is such a string.
        static string StringOf(JsonElement value)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return "";
            }
        }

        static (Submitted?, AdmissionResult?) Refuse(string code, string message) => (null, AdmissionResult.Refused(code, message));
    }

    /// <summary>
    /// Admits a transaction from the API. Recovering its signer is the dearest check (a secp256k1 recovery), so it
    /// comes after the cheap ones that need state: a full pool and the claimed sender's standing and nonce window.
    /// Under backpressure a client retries the same transactions many times, and each retry would otherwise cost a
    /// recovery; those refusals name no more than the public standing of the address the transaction claims.
    /// </summary>
    private async Task<AdmissionResult> AdmitSubmittedAsync(Submitted submitted)
    {
        var (transaction, hash, signature) = submitted;
        if (pool.IsFullWithout(hash))
            return PoolFull;
        var standing = await senders.StandingOfAsync(transaction.From);
        if (RefusalByStanding(transaction, standing) is { } refusal)
            return refusal;
        if (!signature.TryRecoverSigner(hash, out var signer))
            return AdmissionResult.Refused(AdmissionErrors.InvalidSignature, "the signature recovers to no key for this typed data");
        if (signer != transaction.From)
            return AdmissionResult.Refused(AdmissionErrors.SignerMismatch, $"signed by {signer}, but \"from\" is {transaction.From}");
        return await EnterPoolAsync(new SignedTransaction(transaction, signature, hash), standing, alreadyJournaled: false);
    }

    /// <summary>
    /// Admits an already decoded and signature-checked transaction: restored from the journal at start
    /// (<paramref name="alreadyJournaled"/>), which is not written again, or handed over in-process.
    /// </summary>
    public async Task<AdmissionResult> AdmitAsync(SignedTransaction tx, bool alreadyJournaled = false)
    {
        var standing = await senders.StandingOfAsync(tx.Transaction.From);
        return RefusalByStanding(tx.Transaction, standing) ?? await EnterPoolAsync(tx, standing, alreadyJournaled);
    }

    private static readonly AdmissionResult PoolFull =
        AdmissionResult.Refused(AdmissionErrors.PoolFull, "the node holds as many pending transactions as it can; retry later");

    private AdmissionResult? RefusalByStanding(ITransaction transaction, SenderStanding standing)
    {
        var from = transaction.From;
        if (!standing.Registered)
            return AdmissionResult.Refused(AdmissionErrors.UnknownSender, $"{from} is not a registered organization of this network");
        if (!standing.Active)
            return AdmissionResult.Refused(AdmissionErrors.SenderSuspended, $"{from} is suspended by its registrar");
        var nonce = transaction.Nonce;
        if (nonce < standing.NextNonce)
            return AdmissionResult.Refused(AdmissionErrors.NonceTooOld, $"nonce {nonce} is used; the next nonce of {from} is {standing.NextNonce}");
        if (nonce >= standing.NextNonce + genesis.Parameters.NonceWindow)
            return AdmissionResult.Refused(AdmissionErrors.NonceTooFarAhead,
                $"nonce {nonce} is {nonce - standing.NextNonce} ahead of the next nonce {standing.NextNonce}; at most {genesis.Parameters.NonceWindow - 1} ahead are accepted");
        return null;
    }

    private async Task<AdmissionResult> EnterPoolAsync(SignedTransaction tx, SenderStanding standing, bool alreadyJournaled)
    {
        var from = tx.Transaction.From;
        var nonce = tx.Transaction.Nonce;
        PoolAdmission added;
        Task durable;
        // One step, so that a duplicate arriving meanwhile finds the original's journal write already under way
        // and is acknowledged no sooner than it.
        lock (_poolEntry)
        {
            added = pool.Add(tx, standing.NextNonce);
            durable = added switch
            {
                PoolAdmission.Added when !alreadyJournaled => journal.RecordAsync(tx),
                PoolAdmission.Duplicate => journal.WhenRecordedAsync(tx.Hash),
                _ => Task.CompletedTask,
            };
        }
        await durable;
        return added switch
        {
            PoolAdmission.Added or PoolAdmission.Duplicate => new AdmissionResult(tx.Hash, "", ""),
            PoolAdmission.NonceUsed => AdmissionResult.Refused(AdmissionErrors.NonceTooOld, $"nonce {nonce} of {from} is already used"),
            PoolAdmission.NonceTaken => AdmissionResult.Refused(AdmissionErrors.NonceTaken, $"another transaction of {from} with nonce {nonce} is pending"),
            _ => PoolFull,
        };
    }
}
