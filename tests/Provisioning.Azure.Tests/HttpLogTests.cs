using System.Collections.Immutable;
using System.Diagnostics.Tracing;
using System.Text;
using Azure.Core.Diagnostics;
using Provisioning.ArmEmulator;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Model;
using Xunit.Abstractions;

namespace Provisioning.Azure.Tests;

/// <summary>The <c>--verbose</c> HTTP log: what it shows, and that no token or secret reaches it (nor Azure.Core's own log).</summary>
public sealed class HttpLogTests(ITestOutputHelper output)
{
    private const string DistinctiveToken = "eyJTOKEN-c0ffee-DO-NOT-LOG-7d1f";
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";

    [Fact]
    public async Task Verbose_logging_shows_method_url_status_request_id_and_time_but_never_the_token()
    {
        var faults = new FaultOptions { Seed = 7 };
        faults.Writes.TooManyRequestsShare = 0.3;
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { PageSize = 2, Faults = faults });
        var registration = emulator.Store.SeedRegistration(Subscription, "azurestack", "azurestack-west");
        var lines = new List<string>();
        var options = new AzureStackClientOptions(emulator.BaseUri)
        {
            TrustedServerCertificate = emulator.Certificate,
            HttpLog = line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            },
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var client = new AzureStackResourceClient(new StaticTokenCredential(DistinctiveToken), options);
        var parent = ArmResourceId.Parse(registration.Id);
        var azureCoreLog = new StringBuilder();
        using (new AzureEventSourceListener((_, message) =>
        {
            lock (azureCoreLog)
            {
                azureCoreLog.AppendLine(message);
            }
        }, EventLevel.Verbose))
        {
            for (var i = 0; i < 5; i++)
            {
                await client.PutAsync(parent.Child("customerSubscriptions", Guid.NewGuid().ToString()), "2017-06-01",
                    ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", Guid.NewGuid().ToString())]));
            }

            await foreach (var _ in client.ListAsync(parent, "customerSubscriptions", "2017-06-01"))
            {
            }
        }

        var text = string.Join(Environment.NewLine, lines);
        output.WriteLine(text);
        Assert.Contains(lines, l => l.StartsWith("HTTP PUT https://127.0.0.1:", StringComparison.Ordinal) && l.Contains("?api-version=2017-06-01 -> 200 request-id ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" -> 429 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$skipToken=REDACTED", StringComparison.OrdinalIgnoreCase));
        foreach (var log in new[] { text, azureCoreLog.ToString() })
        {
            Assert.DoesNotContain(DistinctiveToken, log, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer ey", log, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("https://h/a?api-version=2017-06-01", "https://h/a?api-version=2017-06-01")]
    [InlineData("https://h/a?api-version=2017-06-01&$skipToken=abc&sig=s3cr3t", "https://h/a?api-version=2017-06-01&$skipToken=REDACTED&sig=REDACTED")]
    [InlineData("https://h/a", "https://h/a")]
    public void Only_the_api_version_of_a_query_is_shown(string url, string expected)
    {
        Assert.Equal(expected, Policies.HttpLogPolicy.SafeUrl(new Uri(url)));
    }
}
