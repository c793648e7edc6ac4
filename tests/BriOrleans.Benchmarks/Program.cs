using BriOrleans.Benchmarks;

return args.FirstOrDefault() switch
{
    "treegraph-insert" => TreeGraphInsertBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/BriOrleans.Benchmarks -- <benchmark>");
    Console.Error.WriteLine("benchmarks: treegraph-insert");
    return 2;
}
