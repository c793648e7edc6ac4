Console.WriteLine("BriOrleans.Benchmarks");
