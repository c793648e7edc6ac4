namespace BriOrleans.Node.Api;

/// <summary>The API's one error shape: <c>{"error":{"code":"…","message":"…"}}</c> with a stable code.</summary>
public static class ApiError
{
    public const string NotFound = "not_found";
    public const string BadParameter = "bad_parameter";

    public static IResult Of(int status, string code, string message) =>
        Results.Json(new { error = new ApiErrorBody(code, message) }, ApiJson.Options, statusCode: status);

    public static IResult NotFoundResult(string what) => Of(StatusCodes.Status404NotFound, NotFound, $"{what} is not known to this node");

    public static IResult BadParameterResult(string message) => Of(StatusCodes.Status400BadRequest, BadParameter, message);
}

/// <summary>The inside of the error shape, also used for each refused transaction of a batch.</summary>
public sealed record ApiErrorBody(string Code, string Message);
