using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Runtime;

namespace BriOrleans.Node.Api;

/// <summary><c>GET /v1/blocks/{id}</c> and <c>GET /v1/epochs/{n}</c>, read through the block and epoch grains.</summary>
public static class ChainEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/blocks/{id}", GetBlockAsync);
        api.MapGet("/v1/epochs/{number}", GetEpochAsync);
    }

    private static async Task<IResult> GetBlockAsync(string id, IGrainFactory grains)
    {
        if (!Hash256.TryParse(id, out var blockId))
            return ApiError.BadParameterResult("a block id is 0x followed by 64 hex digits");
        var view = await grains.GetGrain<IBlockGrain>(blockId.ToString()).GetAsync();
        return view is null ? ApiError.NotFoundResult($"block {blockId}") : Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> GetEpochAsync(string number, IGrainFactory grains)
    {
        if (!ulong.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > long.MaxValue)
            return ApiError.BadParameterResult("an epoch number is a non-negative integer");
        var record = await grains.GetGrain<IEpochGrain>((long)n).GetAsync();
        return record is null ? ApiError.NotFoundResult($"executed epoch {n}") : Results.Json(record, ApiJson.Options);
    }
}
