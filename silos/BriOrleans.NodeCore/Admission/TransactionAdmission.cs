using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary>
/// Checks a submitted transaction before anything is stored (ARCHITECTURE.md, step 2): size, JSON, EIP-712 schema
/// and domain (chain id), signature (the recovered signer must be <c>from</c>), a registered and active sender,
/// and a nonce inside the window; then hands it to the pool.
/// </summary>
public sealed class TransactionAdmission(Genesis genesis, ISenderDirectory senders, TransactionPool pool, PendingJournal journal)
{
    public int MaxBodyBytes => genesis.Parameters.MaxTransactionBytes;

    /// <summary>Admits the JSON body <c>{"typedData": {…}, "signature": "0x…"}</c>.</summary>
    public async Task<AdmissionResult> AdmitAsync(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MaxBodyBytes)
            return AdmissionResult.Refused(AdmissionErrors.BodyTooLarge, $"the body is over {MaxBodyBytes} bytes, the most a transaction may have");
        JsonObject request;
        try
        {
            request = JsonNode.Parse(body.Span) as JsonObject
                ?? throw new JsonException("the body must be a JSON object");
        }
        catch (JsonException e)
        {
            return AdmissionResult.Refused(AdmissionErrors.InvalidJson, e.Message);
        }
        if (request["typedData"] is not JsonObject typedDataJson)
            return AdmissionResult.Refused(AdmissionErrors.InvalidRequest, "the body needs \"typedData\": the EIP-712 typed data that was signed");
        if (request["signature"] is not JsonValue signatureJson || !signatureJson.TryGetValue<string>(out var signatureText))
            return AdmissionResult.Refused(AdmissionErrors.InvalidRequest, "the body needs \"signature\": 0x followed by 130 hex digits");
        var unexpected = request.Select(p => p.Key).Where(k => k is not ("typedData" or "signature")).ToList();
        if (unexpected.Count > 0)
            return AdmissionResult.Refused(AdmissionErrors.InvalidRequest, $"unexpected member(s): {string.Join(", ", unexpected)}");
        if (!Signature.TryParse(signatureText, out var signature))
            return AdmissionResult.Refused(AdmissionErrors.InvalidSignature, "the signature must be 65 bytes r‖s‖v in 0x hex, low-s, v 27/28 (or 0/1)");

        ITransaction transaction;
        Hash256 hash;
        try
        {
            (transaction, hash) = TransactionCatalog.Decode(TypedDataDocument.FromJson(typedDataJson), genesis.ChainId);
        }
        catch (InvalidTransactionException e)
        {
            return AdmissionResult.Refused(e.Code, e.Message);
        }
        catch (TypedDataException e)
        {
            return AdmissionResult.Refused(AdmissionErrors.InvalidTypedData, $"{e.Path}: {e.Message}");
        }
        if (!signature.TryRecoverSigner(hash, out var signer))
            return AdmissionResult.Refused(AdmissionErrors.InvalidSignature, "the signature recovers to no key for this typed data");
        if (signer != transaction.From)
            return AdmissionResult.Refused(AdmissionErrors.SignerMismatch, $"signed by {signer}, but \"from\" is {transaction.From}");
        return await AdmitAsync(new SignedTransaction(transaction, signature, hash));
    }

    /// <summary>
    /// Admits an already decoded and signature-checked transaction: from the API, or restored from the journal at
    /// start (<paramref name="alreadyJournaled"/>), which is not written again.
    /// </summary>
    public async Task<AdmissionResult> AdmitAsync(SignedTransaction tx, bool alreadyJournaled = false)
    {
        var from = tx.Transaction.From;
        var standing = await senders.StandingOfAsync(from);
        if (!standing.Registered)
            return AdmissionResult.Refused(AdmissionErrors.UnknownSender, $"{from} is not a registered organization of this network");
        if (!standing.Active)
            return AdmissionResult.Refused(AdmissionErrors.SenderSuspended, $"{from} is suspended by its registrar");
        var nonce = tx.Transaction.Nonce;
        if (nonce < standing.NextNonce)
            return AdmissionResult.Refused(AdmissionErrors.NonceTooOld, $"nonce {nonce} is used; the next nonce of {from} is {standing.NextNonce}");
        if (nonce >= standing.NextNonce + genesis.Parameters.NonceWindow)
            return AdmissionResult.Refused(AdmissionErrors.NonceTooFarAhead,
                $"nonce {nonce} is {nonce - standing.NextNonce} ahead of the next nonce {standing.NextNonce}; at most {genesis.Parameters.NonceWindow - 1} ahead are accepted");
        var added = pool.Add(tx, standing.NextNonce);
        if (added == PoolAdmission.Added && !alreadyJournaled)
            await journal.RecordAsync(tx);
        return added switch
        {
            PoolAdmission.Added or PoolAdmission.Duplicate => new AdmissionResult(tx.Hash, "", ""),
            PoolAdmission.NonceUsed => AdmissionResult.Refused(AdmissionErrors.NonceTooOld, $"nonce {nonce} of {from} is already used"),
            PoolAdmission.NonceTaken => AdmissionResult.Refused(AdmissionErrors.NonceTaken, $"another transaction of {from} with nonce {nonce} is pending"),
            _ => AdmissionResult.Refused(AdmissionErrors.PoolFull, "the node holds as many pending transactions as it can; retry later"),
        };
    }
}
