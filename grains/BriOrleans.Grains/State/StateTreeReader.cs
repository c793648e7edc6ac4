namespace BriOrleans.Grains.State;

/// <summary>Reads the node a reference points at, refusing a store that lost it or holds another kind of node there.</summary>
internal static class StateTreeReader
{
    public static StateNode Read(IStateNodeStore store, StateNodeRef reference, StateTreePath path)
    {
        var key = new StateNodeKey(reference.Version, path);
        var node = store.GetNode(key)
            ?? throw new InvalidOperationException($"the state tree node {key} is missing from the store");
        if (node is StateLeafNode != reference.IsLeaf)
            throw new InvalidOperationException(
                $"the state tree node {key} is {(reference.IsLeaf ? "referenced as a leaf but stored as an internal node" : "referenced as an internal node but stored as a leaf")}");
        return node;
    }
}
