using BriOrleans.Benchmarks;

switch (args.FirstOrDefault())
{
    case "secp256k1":
        Secp256k1Benchmark.Run();
        return 0;
    default:
        Console.Error.WriteLine("usage: BriOrleans.Benchmarks secp256k1");
        return 2;
}
