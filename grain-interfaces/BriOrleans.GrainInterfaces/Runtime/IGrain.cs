namespace BriOrleans.Runtime;

/// <summary>Marker for grain interfaces; a grain interface derives from exactly one of the keyed forms below.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain addressed by a string key (shipment id, contract id, account address).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key (epoch number).</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain addressed by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;
