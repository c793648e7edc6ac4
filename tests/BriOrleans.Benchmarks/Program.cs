if (args is ["state-tree", ..])
{
    BriOrleans.Benchmarks.StateTreeBenchmark.Run();
    return;
}

Console.WriteLine("BriOrleans.Benchmarks");
