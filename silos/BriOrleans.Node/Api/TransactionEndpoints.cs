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
        var result = await admission.AdmitAsync(await ReadBodyAsync(request, admission.MaxBodyBytes));
        return result.Accepted
            ? Results.Json(new { hash = result.Hash }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted)
            : RefusalOf(result);
    }

    private static async Task<IResult> SubmitBatchAsync(HttpRequest request, TransactionAdmission admission)
    {
        var batch = await admission.AdmitBatchAsync(await ReadBodyAsync(request, SubmissionLimits.MaxBatchBodyBytes));
        if (batch.Refusal is { } refusal)
            return RefusalOf(refusal);
        var results = batch.Results.Select(r => r.Accepted
            ? (object)new { hash = r.Hash }
            : new { error = new ApiErrorBody(r.ErrorCode, r.Message) });
        return Results.Json(new { results }, ApiJson.Options);
    }

    /// <summary>The body, read no further than one byte past <paramref name="limit"/>: admission refuses it without the rest.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int limit)
    {
        // A declared length sizes the buffer once (up to 1 MiB, so a claim alone cannot take more memory than that);
        // it grows, doubling, only for a body longer than that.
        var body = new byte[(int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, Math.Min(limit + 1L, 1 << 20))];
        var length = 0;
        while (length <= limit)
        {
            if (length == body.Length)
                Array.Resize(ref body, (int)Math.Min(2L * body.Length, limit + 1L));
            var read = await request.Body.ReadAsync(body.AsMemory(length));
            if (read == 0)
                break;
            length += read;
        }
        return body.AsMemory(0, length);
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
