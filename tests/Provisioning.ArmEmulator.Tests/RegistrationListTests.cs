using System.Net;
using System.Text.Json;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>Registrations_ListBySubscription and Registrations_List over HTTP: ARM's list shape, paging by nextLink, ARM's refusals.</summary>
public sealed class RegistrationListTests(RegistrationListTests.PagesOfTwo fixture) : IClassFixture<RegistrationListTests.PagesOfTwo>
{
    private ArmTestClient Client => fixture.Client;

    private static string SubscriptionList(string subscriptionId) =>
        $"/subscriptions/{subscriptionId}/providers/Microsoft.AzureStack/registrations";

    private static string ResourceGroupList(string subscriptionId, string resourceGroup) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.AzureStack/registrations";

    [Fact]
    public async Task The_subscription_list_pages_through_every_registration_of_every_resource_group()
    {
        var subscription = Ids.New();
        var registrations = new[]
        {
            new TestRegistration(subscription, "azurestack", "west"),
            new TestRegistration(subscription, "azurestack", "east"),
            new TestRegistration(subscription, "stamps-b", "north"),
            new TestRegistration(subscription, "stamps-a", "south"),
            new TestRegistration(subscription, "stamps-a", "centre"),
        };
        await PutAllAsync(registrations);
        using (await Client.PutRegistrationAsync(new TestRegistration(Ids.New(), "azurestack", "other-subscription")))
        {
        }

        var pages = await FollowAsync(ArmTestClient.WithApiVersion(SubscriptionList(subscription)));

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("value").GetArrayLength()));
        Assert.Equal(
            [
                $"/subscriptions/{subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/east",
                $"/subscriptions/{subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/west",
                $"/subscriptions/{subscription}/resourceGroups/stamps-a/providers/Microsoft.AzureStack/registrations/centre",
                $"/subscriptions/{subscription}/resourceGroups/stamps-a/providers/Microsoft.AzureStack/registrations/south",
                $"/subscriptions/{subscription}/resourceGroups/stamps-b/providers/Microsoft.AzureStack/registrations/north",
            ],
            IdsOf(pages));
    }

    [Fact]
    public async Task Each_listed_registration_is_the_resource_its_single_GET_returns()
    {
        var subscription = Ids.New();
        var registrations = new[] { new TestRegistration(subscription, "azurestack", "west"), new TestRegistration(subscription, "rg2", "east") };
        await PutAllAsync(registrations);

        var listed = (await FollowAsync(ArmTestClient.WithApiVersion(SubscriptionList(subscription))))
            .SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();

        Assert.Equal(2, listed.Count);
        foreach (var item in listed)
        {
            using var get = await Client.GetAsync(item.GetProperty("id").GetString()!);
            var single = await ArmTestClient.JsonAsync(get);
            Assert.True(JsonElement.DeepEquals(single, item), $"listed {item} but GET returned {single}");
            Assert.Equal("Microsoft.AzureStack/registrations", item.GetProperty("type").GetString());
            Assert.Equal("global", item.GetProperty("location").GetString());
        }
    }

    [Fact]
    public async Task The_resource_group_list_holds_only_that_group_and_pages_within_it()
    {
        var subscription = Ids.New();
        await PutAllAsync(
        [
            new TestRegistration(subscription, "azurestack", "a"),
            new TestRegistration(subscription, "azurestack", "b"),
            new TestRegistration(subscription, "azurestack", "c"),
            new TestRegistration(subscription, "azurestack-2", "d"),
            new TestRegistration(subscription, "azure", "e"),
        ]);

        var pages = await FollowAsync(ArmTestClient.WithApiVersion(ResourceGroupList(subscription, "azurestack")));

        Assert.Equal([2, 1], pages.Select(p => p.GetProperty("value").GetArrayLength()));
        Assert.Equal(["a", "b", "c"], pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_empty_subscription_or_resource_group_lists_an_empty_value_without_nextLink()
    {
        var subscription = Ids.New();

        using var bySubscription = await Client.GetAsync(SubscriptionList(subscription));
        using var byGroup = await Client.GetAsync(ResourceGroupList(subscription, "azurestack"));

        foreach (var response in new[] { bySubscription, byGroup })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await ArmTestClient.JsonAsync(response);
            Assert.Equal(0, json.GetProperty("value").GetArrayLength());
            Assert.False(json.TryGetProperty("nextLink", out _));
        }
    }

    [Fact]
    public async Task Path_segments_and_names_match_whatever_their_case_and_nextLink_keeps_the_request_path()
    {
        var subscription = Ids.New();
        await PutAllAsync(
        [
            new TestRegistration(subscription, "AzureStack", "West"),
            new TestRegistration(subscription, "AzureStack", "East"),
            new TestRegistration(subscription, "AzureStack", "North"),
        ]);
        var upper = subscription.ToUpperInvariant();
        var path = $"/SUBSCRIPTIONS/{upper}/RESOURCEGROUPS/azurestack/PROVIDERS/microsoft.azurestack/REGISTRATIONS";

        var bySubscription = await FollowAsync(ArmTestClient.WithApiVersion($"/subscriptions/{upper}/providers/MICROSOFT.AZURESTACK/Registrations"));
        var byGroup = await FollowAsync(ArmTestClient.WithApiVersion(path));

        Assert.Equal(["East", "North", "West"], Names(bySubscription));
        Assert.Equal(["East", "North", "West"], Names(byGroup));
        var nextLink = byGroup[0].GetProperty("nextLink").GetString()!;
        Assert.Equal(path, new Uri(nextLink).AbsolutePath);
    }

    [Fact]
    public async Task NextLink_is_absolute_and_keeps_the_api_version_of_the_request()
    {
        var subscription = Ids.New();
        await PutAllAsync([.. "abc".Select(name => new TestRegistration(subscription, "azurestack", name.ToString()))]);

        using var response = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(SubscriptionList(subscription), "2022-06-01"));

        var nextLink = new Uri((await ArmTestClient.JsonAsync(response)).GetProperty("nextLink").GetString()!);
        Assert.True(nextLink.IsAbsoluteUri);
        Assert.Equal(fixture.Emulator.BaseUri.GetLeftPart(UriPartial.Authority), nextLink.GetLeftPart(UriPartial.Authority));
        Assert.StartsWith("?api-version=2022-06-01&$skipToken=", nextLink.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_continues_after_the_skip_token_even_when_that_registration_was_deleted()
    {
        var subscription = Ids.New();
        var registrations = "abcd".Select(name => new TestRegistration(subscription, "azurestack", name.ToString())).ToArray();
        await PutAllAsync(registrations);
        using var first = await Client.GetAsync(SubscriptionList(subscription));
        var next = (await ArmTestClient.JsonAsync(first)).GetProperty("nextLink").GetString()!;
        using (await Client.DeleteAsync(registrations[1].Path))
        {
        }

        var rest = await FollowAsync(next);

        Assert.Equal(["c", "d"], Names(rest));
    }

    [Theory]
    [InlineData("", "Bearer t", HttpStatusCode.BadRequest, "MissingApiVersionParameter")]
    [InlineData("?api-version=2099-01-01", "Bearer t", HttpStatusCode.BadRequest, "InvalidApiVersionParameter")]
    [InlineData("?api-version=2017-06-01", null, HttpStatusCode.Unauthorized, "AuthenticationFailed")]
    public async Task Both_lists_are_refused_as_ARM_refuses_any_request(
        string query, string? authorization, HttpStatusCode status, string code)
    {
        var subscription = Ids.New();

        foreach (var path in new[] { SubscriptionList(subscription), ResourceGroupList(subscription, "azurestack") })
        {
            using var response = await Client.SendAsync(HttpMethod.Get, path + query, authorization: authorization);

            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, (await ArmTestClient.ErrorAsync(response)).Code);
        }
    }

    [Theory]
    [InlineData("/subscriptions/not-a-guid/providers/Microsoft.AzureStack/registrations", "InvalidSubscriptionId")]
    [InlineData("/subscriptions/6b0d549b-6f03-475a-9600-a35a099950d8/resourceGroups/bad%3Cgroup/providers/Microsoft.AzureStack/registrations", "InvalidResourceGroupName")]
    public async Task A_list_under_a_name_ARM_would_refuse_is_400(string path, string code)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Only_GET_is_served_on_the_lists_and_a_write_there_creates_nothing()
    {
        var subscription = Ids.New();

        foreach (var path in new[] { SubscriptionList(subscription), ResourceGroupList(subscription, "azurestack") })
        {
            using var response = await Client.SendAsync(
                HttpMethod.Put, ArmTestClient.WithApiVersion(path), """{"location":"global","properties":{"registrationToken":"dG9rZW4="}}""");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("NotFound", (await ArmTestClient.ErrorAsync(response)).Code);
        }

        using var list = await Client.GetAsync(SubscriptionList(subscription));
        Assert.Equal(0, (await ArmTestClient.JsonAsync(list)).GetProperty("value").GetArrayLength());
    }

    private static List<string?> IdsOf(IEnumerable<JsonElement> pages) =>
        [.. pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).Select(r => r.GetProperty("id").GetString())];

    private static List<string?> Names(IEnumerable<JsonElement> pages) =>
        [.. pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).Select(r => r.GetProperty("name").GetString())];

    private async Task PutAllAsync(IEnumerable<TestRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            using var put = await Client.PutRegistrationAsync(registration);
            put.EnsureSuccessStatusCode();
        }
    }

    private async Task<List<JsonElement>> FollowAsync(string firstPage)
    {
        var pages = new List<JsonElement>();
        for (string? next = firstPage; next is not null;)
        {
            using var response = await Client.SendAsync(HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ArmTestClient.JsonAsync(response);
            pages.Add(page);
            next = page.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
            Assert.True(pages.Count < 100, "nextLink never ended");
        }

        return pages;
    }

    public sealed class PagesOfTwo : EmulatorFixture
    {
        protected override ArmEmulatorOptions Options => new() { PageSize = 2 };
    }
}
