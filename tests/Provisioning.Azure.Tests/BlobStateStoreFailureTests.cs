using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Provisioning.Azure.State;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Azure.Tests;

/// <summary>The Azure Blob state backend refused, unreachable or misconfigured: a diagnostic naming account and container, nothing raw.</summary>
public sealed class BlobStateStoreFailureTests
{
    // Azurite's published development key: not a secret.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task A_backend_that_refuses_with_403_is_reported_with_its_code_account_container_and_what_to_grant()
    {
        await using var app = await StartForbiddingServerAsync();
        var store = BlobStateStores.Create("azblob://state/teams", "project", "dev", ConnectionString(Port(app)));

        var read = await Assert.ThrowsAsync<DiagnosticException>(() => store.ReadAsync());
        var write = await Assert.ThrowsAsync<DiagnosticException>(() => store.WriteAsync(Checkpoint.Empty("project", "dev")));
        var lockError = await Assert.ThrowsAsync<DiagnosticException>(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)));
        var holder = await Assert.ThrowsAsync<DiagnosticException>(() => store.ReadLockAsync());

        foreach (var error in new[] { read, write, lockError, holder })
        {
            var diagnostic = Assert.Single(error.Diagnostics);
            Assert.Equal(("PRV129", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
            Assert.Contains("account 'devstoreaccount1', container 'state'", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("403 AuthorizationPermissionMismatch", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("Storage Blob Data Contributor", diagnostic.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(DevelopmentKey, diagnostic.Message, StringComparison.Ordinal);
        }

        Assert.Contains("while reading the state", read.Message, StringComparison.Ordinal);
        Assert.Contains("while taking the lock", lockError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_the_storage_client_cannot_read_is_still_a_diagnostic_naming_the_backend()
    {
        await using var app = await StartServerAsync(async context =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<not-xml");
        });
        var store = BlobStateStores.Create("azblob://state", "project", "dev", ConnectionString(Port(app)));

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => store.ReadLockAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("PRV129", diagnostic.Code);
        Assert.Contains("container 'state'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_that_refuses_connections_is_reported_as_unreachable_after_the_bounded_retries()
    {
        var store = BlobStateStores.Create("azblob://state", "project", "dev", ConnectionString(ClosedPort()));

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => store.ReadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV129", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("container 'state'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azblob://state", null, "names no storage account")]
    [InlineData("azblob://state?account=Bad_Account", null, "account name 'Bad_Account'")]
    [InlineData("azblob://ab?account=acct1", null, "container name 'ab'")]
    [InlineData("azblob://bad--name?account=acct1", null, "container name 'bad--name'")]
    [InlineData("https://state", null, "is not azblob://")]
    [InlineData("azblob://state", "AccountKey=s3cr3t-key;garbage", "is not a storage connection string")]
    public void Settings_that_cannot_work_are_refused_before_anything_is_contacted(string url, string? connectionString, string problem)
    {
        var error = Assert.Throws<DiagnosticException>(() => BlobStateStores.Create(url, "project", "dev", connectionString));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV131", DiagnosticOrigin.Input), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", diagnostic.Message, StringComparison.Ordinal);
    }

    private static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    private static async Task<WebApplication> StartServerAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        return app;
    }

    private static Task<WebApplication> StartForbiddingServerAsync() =>
        StartServerAsync(async context =>
        {
            context.Response.StatusCode = 403;
            context.Response.Headers["x-ms-error-code"] = "AuthorizationPermissionMismatch";
            context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
            if (HttpMethods.IsHead(context.Request.Method))
            {
                // As the service answers HEAD: the code in the header, no body.
                return;
            }

            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.\nRequestId:1</Message></Error>");
        });

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
