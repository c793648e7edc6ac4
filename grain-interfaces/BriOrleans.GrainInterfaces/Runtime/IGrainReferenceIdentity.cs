namespace BriOrleans.Runtime;

/// <summary>Implemented by the host's grain references so that <see cref="GrainExtensions"/> can read their identity.</summary>
internal interface IGrainReferenceIdentity : IAddressable
{
    GrainId GrainId { get; }
}
