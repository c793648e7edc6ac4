using System.Reflection;
using BriOrleans.Execution;

namespace BriOrleans.Grains.Tests.Domain.Executor;

public sealed class ReasonCodeTests
{
    private static readonly string[] Codes = [.. typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Reason_codes_are_distinct_lower_snake_case_words()
    {
        Assert.True(Codes.Length > 50);
        Assert.Equal(Codes.Length, Codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Codes, c => Assert.Matches("^[a-z]+(_[a-z0-9]+)*$", c));
    }
}
