using System.CommandLine;
using BriOrleans.Sdk;

namespace BriOrleans.Cli;

/// <summary>The <c>--node</c> option and the client of the node it names.</summary>
internal static class NodeConnection
{
    public const string DefaultNode = "http://127.0.0.1:8545";

    // One HttpClient per process, as HttpClient is meant to be shared; no overall timeout, so that the event stream
    // of `bri tail` and `bri bench` can stay open (BriClient bounds each ordinary request itself).
    private static readonly HttpClient s_http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static Option<string> Option() => new("--node")
    {
        Description = $"The node's API URL (default {DefaultNode})",
        DefaultValueFactory = _ => DefaultNode,
    };

    public static BriClient Client(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new BriClient(s_http, uri)
            : throw new FormatException($"--node: '{url}' is not an http(s) URL such as {DefaultNode}");
}
