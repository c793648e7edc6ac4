namespace BriOrleans.NodeCore.Admission;

/// <summary>Stable error codes of <c>POST /v1/transactions</c> (and of each transaction of a batch), each with the HTTP status it answers with.</summary>
public static class AdmissionErrors
{
    public const string InvalidJson = "invalid_json";
    public const string BodyTooLarge = "body_too_large";
    public const string BatchTooLarge = "batch_too_large";
    public const string InvalidRequest = "invalid_request";
    public const string InvalidTypedData = "invalid_typed_data";
    public const string InvalidSignature = "invalid_signature";
    public const string SignerMismatch = "signer_mismatch";
    public const string UnknownSender = "unknown_sender";
    public const string SenderSuspended = "sender_suspended";
    public const string NonceTooOld = "nonce_too_old";
    public const string NonceTooFarAhead = "nonce_too_far_ahead";
    public const string NonceTaken = "nonce_taken";
    public const string PoolFull = "pool_full";

    public static int StatusOf(string code) => code switch
    {
        BodyTooLarge or BatchTooLarge => 413,
        UnknownSender or SenderSuspended => 403,
        NonceTooOld or NonceTooFarAhead or NonceTaken => 409,
        PoolFull => 503,
        _ => 400,
    };
}
