using System.Net;

namespace BriOrleans.Sdk;

/// <summary>
/// The node refused a request: the HTTP status, the API's stable error code (e.g. <c>nonce_taken</c>,
/// <c>not_found</c>) and its message for people, as in <c>{"error":{"code":"…","message":"…"}}</c>.
/// </summary>
public sealed class BriApiException(HttpStatusCode statusCode, string code, string message) : Exception(message)
{
    /// <summary>The code used when an answer is not in the API's error shape (a proxy's page, a truncated body).</summary>
    public const string MalformedResponse = "malformed_response";

    public HttpStatusCode StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
