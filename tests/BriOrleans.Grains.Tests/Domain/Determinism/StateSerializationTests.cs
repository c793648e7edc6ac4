using System.Numerics;
using System.Text;
using System.Text.Json;
using BriOrleans.Grains.Domain;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Determinism;

public sealed class StateSerializationTests
{
    private static readonly Dictionary<string, Type> StateTypes = new(StringComparer.Ordinal)
    {
        ["account"] = typeof(AccountState),
        ["country"] = typeof(CountryState),
        ["shipment"] = typeof(ShipmentState),
        ["contract"] = typeof(ContractState),
        ["project"] = typeof(ProjectState),
        ["document"] = typeof(DocumentState),
    };

    [Fact]
    public async Task Every_stored_state_reads_back_into_its_class_and_writes_the_same_bytes()
    {
        await using var ledger = await TestLedger.StartAsync();
        await TradeStory.PlayAsync(ledger);

        var records = await StoredState.ReadAsync(ledger);

        Assert.Equal(StateTypes.Keys.Order(StringComparer.Ordinal), records.Keys.Select(k => k.Split('/')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(records, record =>
        {
            var type = StateTypes[record.Key.Split('/')[0]];
            var state = JsonSerializer.Deserialize(record.Value, type);
            Assert.Equal(record.Value, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(state, type)));
        });
    }

    [Fact]
    public void Amounts_far_beyond_uint256_round_trip_exactly_as_decimal_strings()
    {
        var amount = BigInteger.Pow(2, 256) * 3 + 1;
        var state = new FinancingFlowRecord { FlowId = "F", Amount = amount };

        var json = JsonSerializer.Serialize(state);

        Assert.Contains($"\"Amount\":\"{amount}\"", json);
        Assert.Equal(amount, JsonSerializer.Deserialize<FinancingFlowRecord>(json)!.Amount);
    }

    [Theory]
    [InlineData("\"-5\"")]
    [InlineData("\"007\"")]
    [InlineData("\"1e3\"")]
    [InlineData("\"\"")]
    [InlineData("12")]
    public void Stored_amounts_are_plain_decimal_digits(string amount)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FinancingFlowRecord>($"{{\"Amount\":{amount}}}"));
    }

    [Fact]
    public void A_negative_amount_is_never_written()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new FinancingFlowRecord { Amount = -1 }));
    }

    [Fact]
    public void Derived_properties_stay_out_of_stored_state()
    {
        var json = JsonSerializer.Serialize(new ShipmentState { Events = [new ShipmentEventRecord { EventId = "E" }] });

        Assert.DoesNotContain("Closed", json);
        Assert.DoesNotContain("IsRetraction", json);
        Assert.DoesNotContain("StandsAsActual", json);
    }
}
