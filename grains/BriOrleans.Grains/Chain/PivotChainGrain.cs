using BriOrleans.Chain;
using BriOrleans.Consensus;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Chain;

/// <summary>
/// The node's tree-graph in a grain: blocks arrive one turn at a time, are checked (CONSENSUS.md: signed by a
/// validator, sound body, height, timestamps, per-validator rate), stored durably, then inserted into the
/// incremental ordering. Its state is the block archive itself: on activation it replays every stored block.
/// </summary>
[GrainType("pivotchain")]
public sealed class PivotChainGrain(IBlockArchive archive, ChainRules rules, TimeProvider clock) : Grain, IPivotChainGrain
{
    private readonly IncrementalTreeGraph _graph = new(new OrderingParameters(rules.Parameters.EpochBlockBound, InvalidBlockPolicy.Zero));
    private readonly Dictionary<Hash256, BlockHeader> _headers = [];
    private readonly Dictionary<Address, BlockHeader> _latestByAuthor = [];
    private long _arrivals;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await archive.LoadAllAsync();
        if (stored.Count == 0)
        {
            await archive.SaveAsync(rules.GenesisBlock, 0);
            stored = [rules.GenesisBlock];
        }
        if (stored[0].Id != rules.GenesisBlock.Id)
            throw new InvalidOperationException($"the stored chain starts at {stored[0].Id}, not at this genesis {rules.GenesisBlock.Id}");
        foreach (var block in stored)
            Insert(block.Header);
    }

    public async Task<BlockAdmission> AddBlockAsync(Block block, BlockOrigin origin)
    {
        var problem = Check(block, origin);
        if (problem is not null)
            return problem;
        await archive.SaveAsync(block, _arrivals);
        return new BlockAdmission(true, BlockAdmissionCodes.Accepted, "", Insert(block.Header));
    }

    public Task<ChainStatus> GetStatusAsync() => Task.FromResult(new ChainStatus(
        Hash256.Parse(_graph.PivotTip), (ulong)(_graph.EpochCount - 1), _graph.Count,
        [.. _graph.Tips.Select(Hash256.Parse)], _graph.NotYetOrdered.Count));

    public Task<BlockTemplate> NextBlockAsync()
    {
        var next = _graph.NextBlock();
        var parent = _headers[Hash256.Parse(next.Parent)];
        return Task.FromResult(new BlockTemplate(parent.Id, [.. next.Referees.Select(Hash256.Parse)], parent.Height + 1, parent.Timestamp));
    }

    public Task<BlockPlacement?> PlacementAsync(Hash256 blockId)
    {
        var id = blockId.ToString();
        if (!_graph.Contains(id))
            return Task.FromResult<BlockPlacement?>(null);
        var epoch = _graph.EpochOf(id);
        var skipped = epoch is { } e && _graph.Epoch(e).Skipped.Contains(id);
        return Task.FromResult<BlockPlacement?>(new BlockPlacement(blockId, epoch, _graph.IsParentChoiceValid(id), skipped));
    }

    public Task<EpochPlan?> EpochPlanAsync(ulong number) =>
        Task.FromResult(number < (ulong)_graph.EpochCount ? PlanOf(_graph.Epoch((int)number)) : null);

    private BlockAdmission? Check(Block block, BlockOrigin origin)
    {
        var header = block.Header;
        if (_headers.ContainsKey(block.Id))
            return BlockAdmission.Refused(BlockAdmissionCodes.Duplicate, $"block {block.Id} is already in the graph");
        if (header.ChainId != rules.ChainId)
            return BlockAdmission.Refused(BlockAdmissionCodes.WrongChain, $"block of chain {header.ChainId}, this is chain {rules.ChainId}");
        if (header.IsGenesis || !rules.IsValidator(header.Author))
            return BlockAdmission.Refused(BlockAdmissionCodes.NotValidator, $"{header.Author} is not a validator of this network");
        var problems = block.IntrinsicProblems(producedHere: origin == BlockOrigin.Produced).ToList();
        if (problems.Count > 0)
            return BlockAdmission.Refused(BlockAdmissionCodes.Malformed, string.Join("; ", problems));
        if (block.Transactions.Count > rules.Parameters.MaxBlockTransactions)
            return BlockAdmission.Refused(BlockAdmissionCodes.TooLarge, $"{block.Transactions.Count} transactions, at most {rules.Parameters.MaxBlockTransactions}");
        var rejection = _graph.Validate(TreeGraphBlockOf(header));
        if (rejection is not null)
            return BlockAdmission.Refused(BlockAdmissionCodes.UnknownPredecessor, rejection.Message);
        var parent = _headers[header.ParentId];
        if (header.Height != parent.Height + 1)
            return BlockAdmission.Refused(BlockAdmissionCodes.BadHeight, $"height {header.Height} under a parent at {parent.Height}");
        if (header.Timestamp < parent.Timestamp)
            return BlockAdmission.Refused(BlockAdmissionCodes.TimestampBeforeParent, $"timestamp {header.Timestamp} is before its parent's {parent.Timestamp}");
        var now = (ulong)clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (header.Timestamp > now + rules.Parameters.MaxClockDriftMs)
            return BlockAdmission.Refused(BlockAdmissionCodes.FromTheFuture, $"timestamp {header.Timestamp} is more than {rules.Parameters.MaxClockDriftMs} ms ahead of {now}");
        if (_latestByAuthor.TryGetValue(header.Author, out var previous) && header.Timestamp < previous.Timestamp + rules.Parameters.MinBlockIntervalMs)
            return BlockAdmission.Refused(BlockAdmissionCodes.TooFast, $"{header.Author} produced a block {header.Timestamp - previous.Timestamp} ms after its previous one; the minimum is {rules.Parameters.MinBlockIntervalMs} ms");
        return null;
    }

    private EpochShift Insert(BlockHeader header)
    {
        var result = _graph.Insert(TreeGraphBlockOf(header));
        _headers[header.Id] = header;
        _arrivals++;
        if (!header.IsGenesis && (!_latestByAuthor.TryGetValue(header.Author, out var previous) || previous.Timestamp <= header.Timestamp))
            _latestByAuthor[header.Author] = header;
        var change = result.Epochs;
        return new EpochShift(change.FirstChangedEpoch, change.Removed.Count, [.. change.Added.Select(PlanOf)]);
    }

    private EpochPlan PlanOf(OrderedEpoch epoch) => new(
        (ulong)epoch.Number, Hash256.Parse(epoch.Pivot), [.. epoch.Blocks.Select(Hash256.Parse)],
        [.. epoch.Skipped.Select(Hash256.Parse)], _headers[Hash256.Parse(epoch.Pivot)].Timestamp);

    private static TreeGraphBlock TreeGraphBlockOf(BlockHeader header) => header.IsGenesis
        ? TreeGraphBlock.Genesis(header.Id.ToString(), header.Id)
        : new TreeGraphBlock(header.Id.ToString(), header.ParentId.ToString(), [.. header.Referees.Select(r => r.ToString())], header.Id);
}
