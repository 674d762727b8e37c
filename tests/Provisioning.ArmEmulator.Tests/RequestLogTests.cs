using System.Net;
using System.Text.Json;

namespace Provisioning.ArmEmulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task The_request_log_counts_requests_by_method_and_status()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions());
        using var client = new ArmTestClient(emulator);
        var registration = await client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        using (await client.PutMappingAsync(registration, customerSubscription, Ids.New()))
        {
        }

        using (await client.PutMappingAsync(registration, Ids.New(), Ids.New()))
        {
        }

        using (await client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription)))
        {
        }

        using (await client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription)))
        {
        }

        using (await client.SendAsync(HttpMethod.Get, registration.Path, authorization: null))
        {
        }

        var log = emulator.RequestLog;
        Assert.Equal(6, log.Count);
        Assert.Equal(1, log.CountOf("PUT", 201));
        Assert.Equal(2, log.CountOf("put", 200));
        Assert.Equal(1, log.CountOf("DELETE", 200));
        Assert.Equal(1, log.CountOf("DELETE", 204));
        Assert.Equal(1, log.CountOf("GET", 401));
        Assert.Equal(
            new EmulatorRequest("DELETE", registration.CustomerSubscriptionPath(customerSubscription), 204),
            log.Entries[^2]);
    }

    [Fact]
    public async Task Clear_forgets_every_request_and_the_admin_route_reports_counts()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions());
        using var client = new ArmTestClient(emulator);
        using (await client.GetAsync(TestRegistration.NewUnique().Path))
        {
        }

        emulator.RequestLog.Clear();
        using (await client.GetAsync(TestRegistration.NewUnique().Path))
        {
        }

        using var response = await client.SendAsync(HttpMethod.Get, "/_emulator/requests", authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ArmTestClient.JsonAsync(response);
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        var count = Assert.Single(json.GetProperty("counts").EnumerateArray());
        Assert.Equal("""{"method":"GET","statusCode":404,"count":1}""", JsonSerializer.Serialize(count));
        Assert.Equal(2, emulator.RequestLog.Count);
    }
}
