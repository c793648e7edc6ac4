using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.NodeCore.Admission;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Api;

/// <summary><c>POST /v1/transactions</c>, <c>POST /v1/transactions/batch</c> and <c>GET /v1/transactions/{hash}</c>.</summary>
public static class TransactionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/transactions", SubmitAsync);
        api.MapPost("/v1/transactions/batch", SubmitBatchAsync);
        api.MapGet("/v1/transactions/{hash}", GetAsync);
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, TransactionAdmission admission)
    {
        Task<AdmissionResult> admitted;
        using (var body = await RequestBody.ReadAsync(request, admission.MaxBodyBytes))
            admitted = admission.AdmitAsync(body.Bytes);
        var result = await admitted;
        return result.Accepted
            ? Results.Json(new { hash = result.Hash }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted)
            : RefusalOf(result);
    }

    private static async Task<IResult> SubmitBatchAsync(HttpRequest request, TransactionAdmission admission)
    {
        Task<BatchAdmission> admitted;
        using (var body = await RequestBody.ReadAsync(request, SubmissionLimits.MaxBatchBodyBytes))
            admitted = admission.AdmitBatchAsync(body.Bytes);
        var batch = await admitted;
        if (batch.Refusal is { } refusal)
            return RefusalOf(refusal);
        var results = batch.Results.Select(r => r.Accepted
            ? (object)new { hash = r.Hash }
            : new { error = new ApiErrorBody(r.ErrorCode, r.Message) });
        return Results.Json(new { results }, ApiJson.Options);
    }

    private static IResult RefusalOf(AdmissionResult result) =>
        ApiError.Of(AdmissionErrors.StatusOf(result.ErrorCode), result.ErrorCode, result.Message);

    private static async Task<IResult> GetAsync(string hash, IEpochLedger ledger, TransactionPool pool)
    {
        if (!Hash256.TryParse(hash, out var id))
            return ApiError.BadParameterResult("a transaction hash is 0x followed by 64 hex digits");
        // The pool first: a transaction leaves it only after its epoch is committed, so looking in the ledger
        // second cannot miss one that executed in between and answer that it is unknown.
        var pending = pool.Contains(id);
        if (await ledger.GetReceiptAsync(id) is { } receipt)
            return Results.Json(new { status = receipt.Status, receipt }, ApiJson.Options);
        return pending
            ? Results.Json(new { status = "pending", receipt = (object?)null }, ApiJson.Options)
            : ApiError.NotFoundResult($"transaction {id}");
    }
}
