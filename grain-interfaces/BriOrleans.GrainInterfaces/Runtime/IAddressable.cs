namespace BriOrleans.Runtime;

/// <summary>Something addressable by a grain id: a grain activation or a reference to one (Orleans' <c>IAddressable</c>).</summary>
public interface IAddressable;
