using Provisioning.ArmEmulator;

namespace Provisioning.Azure.Tests;

/// <summary>ListRegistrationsAsync against the emulator over loopback: every page of a subscription's registrations, or one resource group's.</summary>
public sealed class RegistrationListTests : IAsyncLifetime
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string OtherSubscription = "0fd630f1-f29d-4da9-953f-48f1a09f76b5";

    private ArmEmulator.ArmEmulator _emulator = null!;
    private AzureStackResourceClient _client = null!;

    public async Task InitializeAsync()
    {
        // Pages of 2: seven registrations in the subscription come back in four pages.
        _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { PageSize = 2, UseHttps = false });
        for (var i = 0; i < 5; i++)
        {
            _emulator.Store.SeedRegistration(Subscription, "azurestack", $"azurestack-{i}");
        }

        _emulator.Store.SeedRegistration(Subscription, "other-group", "azurestack-x");
        _emulator.Store.SeedRegistration(Subscription, "other-group", "azurestack-y");
        _emulator.Store.SeedRegistration(OtherSubscription, "azurestack", "azurestack-elsewhere");
        _client = new AzureStackResourceClient(new LocalEmulatorCredential(), new AzureStackClientOptions(_emulator.BaseUri));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Every_page_of_a_subscriptions_registrations_is_read()
    {
        var listed = await _client.ListRegistrationsAsync(Subscription).ToListAsync();

        Assert.Equal(7, listed.Count);
        Assert.All(listed, r => Assert.Equal(("Microsoft.AzureStack/registrations", Subscription), (r.Id.ResourceType, r.Id.SubscriptionId)));
        Assert.Equal(7, listed.Select(r => r.Id).Distinct().Count());
        Assert.True(_emulator.RequestLog.Entries.Count(e => e.Path.EndsWith("/registrations", StringComparison.Ordinal)) >= 4);
    }

    [Fact]
    public async Task A_resource_group_lists_only_its_own()
    {
        var listed = await _client.ListRegistrationsAsync(Subscription, "other-group").ToListAsync();

        Assert.Equal(["azurestack-x", "azurestack-y"], listed.Select(r => r.Id.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_subscription_without_registrations_is_an_empty_list()
    {
        var listed = await _client.ListRegistrationsAsync("11111111-2222-3333-4444-555555555555").ToListAsync();

        Assert.Empty(listed);
    }

    [Theory]
    [InlineData("not-a-guid", null)]
    [InlineData(Subscription + "\n", null)]
    [InlineData(Subscription, "a/b")]
    public void A_scope_ARM_would_refuse_is_refused_before_any_request(string subscription, string? resourceGroup)
    {
        var requests = _emulator.RequestLog.Entries.Count;

        Assert.Throws<ArgumentException>(() => _client.ListRegistrationsAsync(subscription, resourceGroup));
        Assert.Equal(requests, _emulator.RequestLog.Entries.Count);
    }
}
