using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void A_grain_interface_method_that_does_not_return_a_task_is_rejected_at_registration()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<ArgumentException>(() => services.AddGrain<ISynchronousGrain, SynchronousGrain>());

        Assert.Contains("ISynchronousGrain.Count returns Int32", refused.Message);
    }

    [Fact]
    public void A_grain_class_registered_for_differently_keyed_interfaces_is_rejected()
    {
        var services = new ServiceCollection().AddGrain<IStringSideGrain, TwoKeyedGrain>();

        var refused = Assert.Throws<ArgumentException>(() => services.AddGrain<IIntegerSideGrain, TwoKeyedGrain>());

        Assert.Contains("one key kind", refused.Message);
    }

    [Fact]
    public void A_grain_interface_registered_for_two_grain_classes_is_rejected()
    {
        var services = new ServiceCollection().AddGrain<IStringSideGrain, TwoKeyedGrain>();

        var refused = Assert.Throws<ArgumentException>(() => services.AddGrain<IStringSideGrain, RivalGrain>());

        Assert.Contains("IStringSideGrain is registered for both TwoKeyedGrain and RivalGrain", refused.Message);
    }

    [Fact]
    public void A_persistent_state_parameter_without_its_attribute_is_rejected()
    {
        var refused = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddGrain<IUnmarkedStateGrain, UnmarkedStateGrain>());

        Assert.Contains("[PersistentState(\"name\")]", refused.Message);
    }

    [Fact]
    public void Registering_the_same_grain_twice_is_harmless()
    {
        var services = new ServiceCollection()
            .AddGrain<IStringSideGrain, TwoKeyedGrain>()
            .AddGrain<IStringSideGrain, TwoKeyedGrain>();

        Assert.Equal(1, services.Count(d => d.ServiceType.Name == "GrainRegistration"));
    }

    [Fact]
    public async Task Asking_for_an_unregistered_grain_interface_names_it_and_the_fix()
    {
        await using var host = await TestHost.StartAsync();

        var refused = Assert.Throws<ArgumentException>(() => host.Grains.GetGrain<IUnregisteredGrain>("nobody"));

        Assert.Contains("AddGrain<IUnregisteredGrain, TGrain>()", refused.Message);
    }
}
