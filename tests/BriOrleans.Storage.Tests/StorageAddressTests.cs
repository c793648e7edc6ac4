using Npgsql;

namespace BriOrleans.Storage.Tests;

/// <summary>What --storage accepts: sqlite, a postgres:// URL or an Npgsql connection string; anything else is refused clearly.</summary>
public class StorageAddressTests
{
    [Fact]
    public void A_postgres_url_becomes_the_connection_string_it_names()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            PostgresUrl.ToConnectionString("postgres://ledger%40cn:s3cr%2Ft@db.example.org:6543/bri_main?sslmode=require&search_path=node1"));

        Assert.Equal("db.example.org", settings.Host);
        Assert.Equal(6543, settings.Port);
        Assert.Equal("bri_main", settings.Database);
        Assert.Equal("ledger@cn", settings.Username);
        Assert.Equal("s3cr/t", settings.Password);
        Assert.Equal(SslMode.Require, settings.SslMode);
        Assert.Equal("node1", settings.SearchPath);
    }

    [Fact]
    public void A_postgresql_url_without_port_or_password_uses_the_default_port()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://bri@127.0.0.1/ledger"));

        Assert.Equal(5432, settings.Port);
        Assert.Equal("bri", settings.Username);
        Assert.Null(settings.Password);
    }

    [Fact]
    public void An_ipv6_host_loses_its_url_brackets()
    {
        Assert.Equal("::1", new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://bri@[::1]:55432/ledger")).Host);
    }

    [Theory]
    [InlineData("postgres://bri@host:5432/", "must end in /database")]
    [InlineData("postgres://bri@host/db?pool=9", "unknown parameter 'pool'")]
    [InlineData("postgres://bri@host/db?sslmode=sometimes", "sslmode 'sometimes'")]
    public void A_malformed_postgres_url_is_refused_naming_its_fault(string url, string fault)
    {
        var refused = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));
        Assert.Contains(fault, refused.Message);
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("Database=ledger;Username=bri")]
    public async Task Storage_that_is_neither_sqlite_nor_postgres_is_refused(string storage)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => LedgerDatabase.OpenAsync(storage, Path.GetTempPath()));
        Assert.Contains("storage must be 'sqlite', a postgres://", refused.Message);
    }

    [Fact]
    public async Task A_refused_connection_string_is_not_echoed_since_it_may_hold_a_password()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => LedgerDatabase.OpenAsync("Password=hunter2;Database=x", Path.GetTempPath()));
        Assert.DoesNotContain("hunter2", refused.Message);
    }
}
