using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class PutReturnsCreatedTests(PutReturnsCreatedTests.SeedDocMode fixture) : IClassFixture<PutReturnsCreatedTests.SeedDocMode>
{
    private readonly ArmTestClient _client = fixture.Client;

    [Fact]
    public async Task Put_answers_201_with_an_empty_body_in_seed_doc_mode()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var tenant = Ids.New();

        using var response = await _client.PutMappingAsync(registration, customerSubscription, tenant);
        using var get = await _client.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(tenant, (await ArmTestClient.JsonAsync(get)).GetProperty("properties").GetProperty("tenantId").GetString());
    }

    public sealed class SeedDocMode : EmulatorFixture
    {
        protected override ArmEmulatorOptions Options => new() { PutReturnsCreated = true };
    }
}
