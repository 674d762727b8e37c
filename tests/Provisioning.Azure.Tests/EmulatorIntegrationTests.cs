using System.Collections.Immutable;
using Provisioning.ArmEmulator;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>The real client against the real emulator over loopback HTTPS: the wire contract both sides keep.</summary>
public sealed class EmulatorIntegrationTests : IAsyncLifetime
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string Tenant = "6b0d549b-6f03-475a-9600-a35a099950d8";
    private static readonly ArmResourceId Registration = ArmResourceId.Parse(
        $"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west");

    private ArmEmulator.ArmEmulator _emulator = null!;
    private ArmEmulator.ArmEmulator _seedDocEmulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { PageSize = 4 });
        _seedDocEmulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { PutReturnsCreated = true });
        foreach (var e in new[] { _emulator, _seedDocEmulator })
        {
            e.Store.SeedRegistration(Subscription, "azurestack", "azurestack-west");
        }
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _seedDocEmulator.DisposeAsync();
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public async Task The_emulator_is_reached_when_its_certificate_is_trusted_by_SHA1_or_SHA256_thumbprint(string hash)
    {
        var thumbprint = hash == "sha1"
            ? _emulator.Certificate!.Thumbprint
            : _emulator.Certificate!.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var client = new AzureStackResourceClient(new LocalEmulatorCredential(), new AzureStackClientOptions(_emulator.BaseUri) { TrustedServerCertificateThumbprint = thumbprint });

        var mappings = await client.ListAsync(Registration, "customerSubscriptions", "2017-06-01").ToListAsync();

        Assert.NotNull(mappings);
    }

    [Fact]
    public async Task Plain_HTTP_on_loopback_carries_the_token_and_works_end_to_end()
    {
        await using var plain = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { UseHttps = false });
        plain.Store.SeedRegistration(Subscription, "azurestack", "azurestack-west");
        Assert.Equal("http", plain.BaseUri.Scheme);
        var client = new AzureStackResourceClient(new LocalEmulatorCredential(), new AzureStackClientOptions(plain.BaseUri));
        var id = Registration.Child("customerSubscriptions", Guid.NewGuid().ToString());

        await client.PutAsync(id, "2017-06-01", TenantProperties(Tenant));
        var listed = await client.ListAsync(Registration, "customerSubscriptions", "2017-06-01").ToListAsync();

        Assert.Equal([id], listed.Select(m => m.Id));
        Assert.Equal(Tenant, listed[0].Properties["tenantId"]);
    }

    [Fact]
    public async Task The_emulator_is_refused_when_the_trusted_thumbprint_is_another_certificates()
    {
        var options = new AzureStackClientOptions(_emulator.BaseUri) { TrustedServerCertificateThumbprint = new string('0', 40) };
        options.Retry.MaxRetries = 0;
        var client = new AzureStackResourceClient(new LocalEmulatorCredential(), options);

        await Assert.ThrowsAnyAsync<Exception>(async () => await client.ListAsync(Registration, "customerSubscriptions", "2017-06-01").ToListAsync());
    }

    [Fact]
    public async Task Create_list_across_three_pages_get_and_delete()
    {
        var client = ClientFor(_emulator);
        var ids = Enumerable.Range(0, 10).Select(i => Registration.Child("customerSubscriptions", Guid.NewGuid().ToString())).ToList();
        foreach (var id in ids)
        {
            var created = await client.PutAsync(id, "2017-06-01", TenantProperties(Guid.NewGuid().ToString()));
            Assert.Equal(id, created.Id);
        }

        var listed = new List<Model.ObservedResource>();
        await foreach (var item in client.ListAsync(Registration, "customerSubscriptions", "2017-06-01"))
        {
            listed.Add(item);
        }

        Assert.Equal(ids.ToHashSet(), listed.Select(l => l.Id).ToHashSet());
        Assert.True(_emulator.RequestLog.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith("/customerSubscriptions", StringComparison.OrdinalIgnoreCase)) >= 3);

        var got = await client.GetAsync(ids[0], "2017-06-01");
        Assert.NotNull(got);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", got.Type);

        await client.DeleteAsync(ids[0], "2017-06-01");
        Assert.Equal(1, _emulator.RequestLog.CountOf("DELETE", 200));
        Assert.Null(await client.GetAsync(ids[0], "2017-06-01"));

        await client.DeleteAsync(ids[0], "2017-06-01");
        Assert.Equal(1, _emulator.RequestLog.CountOf("DELETE", 204));
    }

    [Fact]
    public async Task Put_answered_200_returns_the_resource_from_the_body()
    {
        var client = ClientFor(_emulator);
        var id = Registration.Child("customerSubscriptions", "8d116ece-1738-47d9-bd9c-172411e20b8f");

        var observed = await client.PutAsync(id, "2017-06-01", TenantProperties(Tenant));

        Assert.Equal(Tenant, observed.Properties["tenantId"]);
        Assert.Equal(1, _emulator.RequestLog.CountOf("PUT", 200));
    }

    [Fact]
    public async Task Put_answered_201_with_an_empty_body_in_seed_doc_mode_succeeds()
    {
        var client = ClientFor(_seedDocEmulator);
        var id = Registration.Child("customerSubscriptions", "a170b338-3926-4059-b28c-105d1fb17c23");

        var observed = await client.PutAsync(id, "2017-06-01", TenantProperties(Tenant));

        Assert.Equal(id, observed.Id);
        Assert.Equal(Tenant, observed.Properties["tenantId"]);
        Assert.Equal(1, _seedDocEmulator.RequestLog.CountOf("PUT", 201));
        Assert.Single(_seedDocEmulator.Store.GetAllMappings());
    }

    [Fact]
    public async Task A_mapping_under_a_missing_registration_fails_with_ParentResourceNotFound()
    {
        var client = ClientFor(_emulator);
        var missing = ArmResourceId.Parse($"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/nope")
            .Child("customerSubscriptions", Guid.NewGuid().ToString());

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(missing, "2017-06-01", TenantProperties(Tenant)));

        Assert.Equal(404, error.Status);
        Assert.Equal("ParentResourceNotFound", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    private static AzureStackResourceClient ClientFor(ArmEmulator.ArmEmulator emulator) =>
        new(new LocalEmulatorCredential(), new AzureStackClientOptions(emulator.BaseUri) { TrustedServerCertificate = emulator.Certificate });

    private static ImmutableSortedDictionary<string, string> TenantProperties(string tenant) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", tenant)]);
}
