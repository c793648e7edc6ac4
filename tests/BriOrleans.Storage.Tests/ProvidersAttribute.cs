using System.Reflection;
using Xunit.Sdk;

namespace BriOrleans.Storage.Tests;

/// <summary>Runs a theory once per storage provider: "sqlite" and "postgres".</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestDatabase.Sqlite], [TestDatabase.Postgres]];
}
