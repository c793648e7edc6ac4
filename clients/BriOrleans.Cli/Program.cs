Console.WriteLine("BriOrleans.Cli");
