using BriOrleans.Benchmarks;

switch (args.FirstOrDefault())
{
    case "secp256k1":
        Secp256k1Benchmark.Run();
        return 0;
    case "treegraph-insert":
        return TreeGraphInsertBenchmark.Run();
    case "state-tree":
        StateTreeBenchmark.Run();
        return 0;
    case "execution-loop":
        return ExecutionLoopBenchmark.Run(args.ElementAtOrDefault(1) ?? "sqlite");
    case "storage":
        StorageBenchmark.Run();
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/BriOrleans.Benchmarks -- <benchmark>");
        Console.Error.WriteLine("benchmarks: secp256k1, treegraph-insert, state-tree, storage, execution-loop [sqlite|postgres]");
        return 2;
}
