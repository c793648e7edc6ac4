using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Runtime;

namespace BriOrleans.Node.Api;

/// <summary>Reads of the ledger's domain objects, each through its grain interface.</summary>
public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/accounts/{address}", AccountAsync);
        api.MapGet("/v1/organizations/{address}", OrganizationAsync);
        api.MapGet("/v1/shipments/{id}", async (string id, IGrainFactory grains) =>
            Found(await grains.GetGrain<IShipmentGrain>(id).GetAsync(), $"shipment {id}"));
        api.MapGet("/v1/shipments/{id}/events", async (string id, IGrainFactory grains) =>
            Found(await grains.GetGrain<IShipmentGrain>(id).GetEventsAsync(), $"shipment {id}"));
        api.MapGet("/v1/contracts/{id}", async (string id, IGrainFactory grains) =>
            Found(await grains.GetGrain<IContractGrain>(id).GetAsync(), $"contract {id}"));
        api.MapGet("/v1/projects/{id}", async (string id, IGrainFactory grains) =>
            Found(await grains.GetGrain<IProjectGrain>(id).GetAsync(), $"project {id}"));
        api.MapGet("/v1/countries/{code}", async (string code, IGrainFactory grains) =>
            Found(await grains.GetGrain<ICountryGrain>(code.ToUpperInvariant()).GetAsync(), $"country {code}"));
        api.MapGet("/v1/documents/{hash}", DocumentAsync);
    }

    private static async Task<IResult> AccountAsync(string address, IGrainFactory grains, TransactionPool pool)
    {
        if (!Address.TryParse(address, out var account))
            return ApiError.BadParameterResult("an address is 0x followed by 40 hex digits (EIP-55 or one case)");
        var grain = grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(account));
        var nonce = await grain.GetNextNonceAsync();
        return Results.Json(new
        {
            address = account,
            nonce,
            pendingNonce = pool.PendingNonceOf(account, nonce),
            organization = await grain.GetOrganizationAsync(),
        }, ApiJson.Options);
    }

    private static async Task<IResult> OrganizationAsync(string address, IGrainFactory grains)
    {
        if (!Address.TryParse(address, out var account))
            return ApiError.BadParameterResult("an address is 0x followed by 40 hex digits (EIP-55 or one case)");
        return Found(await grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(account)).GetOrganizationAsync(), $"organization {account}");
    }

    private static async Task<IResult> DocumentAsync(string hash, IGrainFactory grains)
    {
        if (!Hash256.TryParse(hash, out var document))
            return ApiError.BadParameterResult("a document hash is 0x followed by 64 hex digits (Keccak-256 of the file)");
        return Found(await grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(document)).GetAsync(), $"document {document}");
    }

    private static IResult Found<T>(T? view, string what) where T : class =>
        view is null ? ApiError.NotFoundResult(what) : Results.Json(view, ApiJson.Options);
}
