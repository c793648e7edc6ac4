using BriOrleans.Benchmarks;

switch (args.FirstOrDefault())
{
    case "treegraph-insert":
        return TreeGraphInsertBenchmark.Run();
    case "state-tree":
        StateTreeBenchmark.Run();
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/BriOrleans.Benchmarks -- <benchmark>");
        Console.Error.WriteLine("benchmarks: treegraph-insert, state-tree");
        return 2;
}
