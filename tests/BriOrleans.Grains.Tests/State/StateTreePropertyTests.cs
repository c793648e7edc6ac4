using BriOrleans.Crypto;
using BriOrleans.StateProofs;
using FsCheck;
using FsCheck.Fluent;

namespace BriOrleans.Grains.Tests.State;

/// <summary>
/// Random histories of batches, rollbacks and prunes, checked against a model that keeps every retained
/// version's state as a plain dictionary and computes its root from scratch.
/// </summary>
public class StateTreePropertyTests
{
    // Few keys, so batches keep hitting the same leaves. Hand-made keys share long prefixes: a dozen differ only
    // in bytes 0 and 2 (paths of 8 to 23 shared bits), two only in their last bit; hashed keys share few bits.
    private static readonly Hash256[] KeySpace =
    [
        .. new byte[] { 0x00, 0x01, 0x80 }.SelectMany(first => new byte[] { 0, 1, 2, 0x80 }.Select(third => KeyWith(first, third))),
        StateKeys.Crafted(0x40, 0),
        StateKeys.Crafted(0x40, 1),
        .. Enumerable.Range(0, 12).Select(StateKeys.Grain),
    ];

    private static Hash256 KeyWith(byte first, byte third)
    {
        var bytes = new byte[Hash256.Length];
        bytes[0] = first;
        bytes[2] = third;
        bytes[^1] = 0xFF;
        return new Hash256(bytes);
    }

    /// <summary>One step of a history; shown by FsCheck when a history fails.</summary>
    public abstract record Step;

    public sealed record Batch(IReadOnlyList<(int Key, int? Value)> Changes) : Step
    {
        public override string ToString() => "Batch(" + string.Join(", ", Changes.Select(c => $"k{c.Key}={c.Value?.ToString() ?? "del"}")) + ")";
    }

    public sealed record Rollback(int Back) : Step;

    public sealed record Prune(int Back) : Step;

    private static readonly Gen<(int, int?)> Change =
        Gen.Choose(0, KeySpace.Length - 1).Zip(Gen.Frequency((3, Gen.Choose(0, 3).Select(v => (int?)v)), (1, Gen.Constant((int?)null))));

    private static readonly Gen<Step> AnyStep = Gen.Frequency(
        (6, Gen.Choose(0, 8).SelectMany(n => Change.ListOf(n)).Select(cs => (Step)new Batch(cs.DistinctBy(c => c.Item1).ToList()))),
        (1, Gen.Choose(0, 3).Select(back => (Step)new Rollback(back))),
        (1, Gen.Choose(0, 3).Select(back => (Step)new Prune(back))));

    private static readonly Arbitrary<Step[]> Histories =
        Gen.Choose(1, 12).SelectMany(n => AnyStep.ArrayOf(n)).ToArbitrary();

    [Fact]
    public void Any_history_of_batches_rollbacks_and_prunes_agrees_with_the_model()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Histories, history => Replay(history)));
    }

    private static bool Replay(Step[] history)
    {
        var store = new InMemoryStateNodeStore();
        var tree = new StateTree(store);
        var model = new SortedList<ulong, Dictionary<Hash256, Hash256>>();
        foreach (var step in history)
        {
            switch (step)
            {
                case Batch batch:
                    var state = model.Count == 0 ? [] : new Dictionary<Hash256, Hash256>(model.Values[^1]);
                    var changes = batch.Changes.Select(c => new StateChange(KeySpace[c.Key], c.Value is { } v ? StateKeys.Value(v) : null)).ToList();
                    foreach (var change in changes)
                        if (change.Value is { } value) state[change.Key] = value;
                        else state.Remove(change.Key);
                    var version = model.Count == 0 ? 1 : model.Keys[^1] + 1;
                    tree.Commit(version, changes);
                    model[version] = state;
                    Assert.Equal(RebuiltRoot(state), tree.RootOf(version));
                    break;
                case Rollback rollback when model.Count > 0:
                    var to = model.Keys[Math.Max(0, model.Count - 1 - rollback.Back)];
                    tree.RollbackTo(to);
                    while (model.Keys[^1] > to) model.RemoveAt(model.Count - 1);
                    break;
                case Prune prune when model.Count > 0:
                    var from = model.Keys[Math.Max(0, model.Count - 1 - prune.Back)];
                    tree.Prune(from);
                    while (model.Keys[0] < from) model.RemoveAt(0);
                    break;
            }
            Assert.Equal(model.Count == 0 ? null : model.Keys[^1], tree.LatestVersion);
            Assert.Equal(StoredNodeWalk.Reachable(store, [.. model.Keys]).Count, store.NodeCount);
        }
        foreach (var (version, state) in model)
        {
            Assert.Equal(ReferenceStateRoot.Of(state), tree.RootOf(version));
            foreach (var key in KeySpace)
            {
                var proof = tree.Prove(key, version);
                Assert.True(state.TryGetValue(key, out var value)
                    ? StateProofVerifier.VerifyInclusion(tree.RootOf(version), key, value, proof)
                    : StateProofVerifier.VerifyExclusion(tree.RootOf(version), key, proof));
            }
        }
        return true;
    }

    // The same state written in one batch into a fresh tree: incremental updates must not depend on history.
    private static Hash256 RebuiltRoot(Dictionary<Hash256, Hash256> state)
    {
        var fresh = StateKeys.NewTree();
        return fresh.Commit(1, state.Select(kv => StateChange.Set(kv.Key, kv.Value))).RootHash;
    }
}
