namespace BriOrleans.Node.Hosting;

/// <summary>How a node runs: its data directory, API address, country and storage.</summary>
public sealed record NodeOptions(string DataDirectory, string ApiUrl, string? Country, string Storage);
