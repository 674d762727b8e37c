using System.Net;
using System.Text.Json;

namespace Provisioning.ArmEmulator.Tests;

public sealed class PagingTests(PagingTests.SmallPages fixture) : IClassFixture<PagingTests.SmallPages>
{
    private readonly ArmTestClient _client = fixture.Client;

    [Fact]
    public async Task List_pages_through_every_mapping_by_following_nextLink()
    {
        var registration = await _client.CreateRegistrationAsync();
        var expected = Enumerable.Range(0, 12).Select(_ => Ids.New()).ToList();
        foreach (var customerSubscription in expected)
        {
            using var put = await _client.PutMappingAsync(registration, customerSubscription, Ids.New());
            put.EnsureSuccessStatusCode();
        }

        var pages = new List<JsonElement>();
        string? next = ArmTestClient.WithApiVersion(registration.CustomerSubscriptionsPath);
        while (next is not null)
        {
            using var response = await _client.SendAsync(HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ArmTestClient.JsonAsync(response);
            pages.Add(page);
            next = page.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
            if (next is not null)
            {
                var uri = new Uri(next);
                Assert.True(uri.IsAbsoluteUri);
                Assert.Contains("api-version=2017-06-01", uri.Query, StringComparison.Ordinal);
                Assert.Contains("$skipToken=", uri.Query, StringComparison.Ordinal);
            }
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal([5, 5, 2], pages.Select(p => p.GetProperty("value").GetArrayLength()));
        var listed = pages.SelectMany(p => p.GetProperty("value").EnumerateArray())
            .Select(m => m.GetProperty("name").GetString()!.Split('/')[1]).ToList();
        Assert.Equal(expected.Order(StringComparer.OrdinalIgnoreCase), listed);
    }

    [Fact]
    public async Task A_collection_of_exactly_one_page_has_no_nextLink()
    {
        var registration = await _client.CreateRegistrationAsync();
        for (var i = 0; i < 5; i++)
        {
            using var put = await _client.PutMappingAsync(registration, Ids.New(), Ids.New());
        }

        using var response = await _client.GetAsync(registration.CustomerSubscriptionsPath);

        var page = await ArmTestClient.JsonAsync(response);
        Assert.Equal(5, page.GetProperty("value").GetArrayLength());
        Assert.False(page.TryGetProperty("nextLink", out _));
    }

    [Fact]
    public async Task Paging_continues_after_the_skip_token_even_when_that_mapping_was_deleted()
    {
        var registration = await _client.CreateRegistrationAsync();
        var ids = Enumerable.Range(0, 8).Select(_ => Ids.New()).Order(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var id in ids)
        {
            using var put = await _client.PutMappingAsync(registration, id, Ids.New());
        }

        using var first = await _client.GetAsync(registration.CustomerSubscriptionsPath);
        var next = (await ArmTestClient.JsonAsync(first)).GetProperty("nextLink").GetString()!;
        using (await _client.DeleteAsync(registration.CustomerSubscriptionPath(ids[4])))
        {
        }

        using var second = await _client.SendAsync(HttpMethod.Get, next);

        var names = (await ArmTestClient.JsonAsync(second)).GetProperty("value").EnumerateArray()
            .Select(m => m.GetProperty("name").GetString()!.Split('/')[1]).ToList();
        Assert.Equal(ids[5..], names);
    }

    public sealed class SmallPages : EmulatorFixture
    {
        protected override ArmEmulatorOptions Options => new() { PageSize = 5 };
    }
}
