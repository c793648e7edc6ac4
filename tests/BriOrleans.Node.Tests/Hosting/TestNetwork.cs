using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.NodeCore.Network;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>
/// A development network in a fresh temporary directory (genesis and keys, as <c>bri node init</c> writes them),
/// deleted with everything in it afterwards. <see cref="CopyGenesisAndKeys"/> gives a second node the very same network.
/// </summary>
public sealed class TestNetwork : IDisposable
{
    public const ulong ChainId = LocalNetwork.DefaultChainId;

    // A fixed genesis time keeps tests independent of the wall clock; blocks only need to come after it.
    private const ulong GenesisTimestamp = 1_700_000_000_000;

    private readonly DirectoryInfo _directory;

    private TestNetwork(DirectoryInfo directory, Genesis genesis)
    {
        _directory = directory;
        Genesis = genesis;
    }

    public string DataDirectory => _directory.FullName;

    public Genesis Genesis { get; }

    /// <summary>The first country's registrar: a genesis organization with the registrar role.</summary>
    public PrivateKey Registrar => RegistrarOf(Genesis.Countries[0].Code);

    public string RegistrarCountry => Genesis.Countries[0].Code;

    public static TestNetwork Create()
    {
        var directory = Directory.CreateTempSubdirectory("bri-node-tests-");
        return new TestNetwork(directory, LocalNetwork.Create(directory.FullName, ["CN", "KZ", "PK"], ChainId, GenesisTimestamp).Genesis);
    }

    private PrivateKey RegistrarOf(string country) => KeyFile.Load(LocalNetwork.KeyPath(DataDirectory, country, "registrar")).Key;

    /// <summary>A new data directory holding this network's genesis and keys, and nothing a node wrote.</summary>
    public TestNetwork CopyGenesisAndKeys()
    {
        var copy = Directory.CreateTempSubdirectory("bri-node-tests-");
        File.Copy(LocalNetwork.GenesisPath(DataDirectory), LocalNetwork.GenesisPath(copy.FullName));
        var keys = Directory.CreateDirectory(Path.Combine(copy.FullName, LocalNetwork.KeysFolder));
        foreach (var key in Directory.GetFiles(Path.Combine(DataDirectory, LocalNetwork.KeysFolder)))
            File.Copy(key, Path.Combine(keys.FullName, Path.GetFileName(key)));
        return new TestNetwork(copy, Genesis);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
