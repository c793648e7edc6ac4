Console.WriteLine("BriOrleans.Node");
