using Npgsql;

namespace BriOrleans.Storage;

/// <summary>
/// Reads <c>postgres://user[:password]@host[:port]/database[?sslmode=…&amp;search_path=…]</c> (also
/// <c>postgresql://</c>), the form operators paste from hosting panels, into an Npgsql connection string.
/// </summary>
public static class PostgresUrl
{
    private static readonly string[] Schemes = ["postgres", "postgresql"];

    public static bool IsUrl(string text) =>
        Schemes.Any(s => text.StartsWith(s + "://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string of a URL; a <see cref="FormatException"/> names what is wrong.</summary>
    public static string ToConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new FormatException("a PostgreSQL URL looks like postgres://user@host:5432/database");
        if (string.IsNullOrEmpty(uri.Host))
            throw new FormatException("the PostgreSQL URL names no host (postgres://user@host:5432/database)");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw new FormatException("the PostgreSQL URL must end in /database, one name after the host");
        var settings = new NpgsqlConnectionStringBuilder
        {
            // An IPv6 literal without its URL brackets: Npgsql reads the bare address.
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.DnsSafeHost : uri.IdnHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                settings.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (name)
            {
                case "sslmode":
                    settings.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                        ? mode
                        : throw new FormatException($"sslmode '{value}' in the PostgreSQL URL is not one of disable, allow, prefer, require, verify-ca, verify-full");
                    break;
                case "search_path":
                    settings.SearchPath = value;
                    break;
                default:
                    throw new FormatException($"the PostgreSQL URL has an unknown parameter '{name}' (known: sslmode, search_path)");
            }
        }
        return settings.ConnectionString;
    }
}
