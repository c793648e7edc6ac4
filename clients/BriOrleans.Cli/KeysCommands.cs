using System.CommandLine;
using BriOrleans.Crypto;

namespace BriOrleans.Cli;

/// <summary><c>bri keys</c>: development key files.</summary>
internal static class KeysCommands
{
    internal static Command Create()
    {
        var keys = new Command("keys", "Development key files");
        keys.Subcommands.Add(CreateNew());
        return keys;
    }

    private static Command CreateNew()
    {
        var output = new Option<string>("--out") { Description = "Where to write the key file (JSON, mode 600)", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists" };
        var command = new Command("new", "Generate a key, write it to a key file and print its address") { output, force };
        command.SetAction(CommandAction.Of((parsed, stdout) =>
        {
            var path = parsed.GetRequiredValue(output);
            var overwrite = parsed.GetValue(force);
            if (!overwrite && File.Exists(path))
                throw new IOException($"key file '{path}' already exists: pass --force to replace it");
            var file = new KeyFile(PrivateKey.Generate());
            file.Save(path, overwrite);
            stdout.WriteLine(file.Address);
        }));
        return command;
    }
}
