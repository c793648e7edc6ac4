using FsCheck;
using FsCheck.Fluent;

namespace BriOrleans.Consensus.Tests;

/// <summary>FsCheck generators of DAG cases: honest-producer shaped and adversarial, both policies, small epoch bounds.</summary>
public static class DagCases
{
    private static readonly Gen<int> Seeds = Gen.Choose(0, int.MaxValue - 1);
    private static readonly Gen<int> Bounds = Gen.Elements(1, 2, 3, 5, OrderingParameters.DefaultEpochBlockBound);
    private static readonly Gen<InvalidBlockPolicy> Policies = Gen.Elements(InvalidBlockPolicy.Count, InvalidBlockPolicy.Zero);

    public static readonly Gen<DagCase> Honest =
        from seed in Seeds
        from producers in Gen.Choose(1, 6)
        from count in Gen.Choose(2, 40)
        from maxDelay in Gen.Choose(0, 4)
        from bound in Bounds
        from policy in Policies
        select new DagCase($"honest producers={producers} delay<={maxDelay}", seed, new OrderingParameters(bound, policy),
            RandomDag.Honest(seed, producers, count, maxDelay));

    public static readonly Gen<DagCase> Adversarial =
        from seed in Seeds
        from count in Gen.Choose(2, 40)
        from maxReferees in Gen.Choose(0, 4)
        from lateHonestShare in Gen.Elements(0.0, 0.5, 0.8, 1.0)
        from varyWeights in Gen.Elements(false, false, true)
        from bound in Bounds
        from policy in Policies
        select new DagCase($"adversarial referees<={maxReferees} late-honest={lateHonestShare} weights={varyWeights}", seed,
            new OrderingParameters(bound, policy),
            RandomDag.Adversarial(seed, count, maxReferees, lateHonestShare, varyWeights, policy));

    public static readonly Gen<DagCase> Any = Gen.OneOf(Honest, Adversarial);

    /// <summary>Longer DAGs of either shape, where reorgs run deeper and epochs grow larger.</summary>
    public static readonly Gen<DagCase> Large =
        from seed in Seeds
        from count in Gen.Choose(60, 160)
        from honest in Gen.Elements(true, false)
        from policy in Policies
        select honest
            ? new DagCase("honest producers=8 delay<=6", seed, new OrderingParameters(3, policy), RandomDag.Honest(seed, 8, count, 6))
            : new DagCase("adversarial referees<=3 late-honest=0.7", seed, new OrderingParameters(2, policy),
                RandomDag.Adversarial(seed, count, 3, 0.7, varyWeights: false, policy));

    public static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
}
