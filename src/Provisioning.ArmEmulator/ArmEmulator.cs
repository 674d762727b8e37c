using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Provisioning.ArmEmulator;

/// <summary>A running ARM emulator on 127.0.0.1, hosted in-process; dispose it to stop it.</summary>
public sealed class ArmEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ArmEmulator(WebApplication app, Uri baseUri, X509Certificate2? certificate, EmulatorStore store, EmulatorRequestLog log)
    {
        _app = app;
        BaseUri = baseUri;
        Certificate = certificate;
        Store = store;
        RequestLog = log;
    }

    /// <summary>Gets the base address with the port actually bound, ending in a slash (e.g. <c>https://127.0.0.1:54321/</c>).</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the self-signed certificate made at start-up, or null when serving plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Gets the log of every request answered.</summary>
    public EmulatorRequestLog RequestLog { get; }

    /// <summary>Gets what the emulator holds.</summary>
    public EmulatorStore Store { get; }

    /// <summary>Starts an emulator listening on 127.0.0.1 and returns once it accepts requests.</summary>
    /// <param name="options">The settings; see <see cref="ArmEmulatorOptions"/> for defaults.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<ArmEmulator> StartAsync(ArmEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var store = new EmulatorStore(options.DataFile, options.SaveInterval, options.TimeProvider);
        var log = new EmulatorRequestLog();
        var certificate = options.UseHttps ? EmulatorCertificate.Create(TimeProvider.System) : null;
        WebApplication? app = null;
        try
        {
            app = Build(options, store, log, certificate);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.First();
            return new ArmEmulator(app, new Uri(address.TrimEnd('/') + "/"), certificate, store, log);
        }
        catch
        {
            // A port already in use fails here: release what was made before rethrowing.
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            store.CloseDataFile();
            certificate?.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server, writes any pending change to the data file and releases the certificate.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        finally
        {
            Store.CloseDataFile();
            Certificate?.Dispose();
        }
    }

    private static WebApplication Build(
        ArmEmulatorOptions options, EmulatorStore store, EmulatorRequestLog log, X509Certificate2? certificate)
    {
        // The empty builder: no configuration files to read and watch, no logging providers, only what is added here —
        // an embedded emulator is part of a command's start-up time (P5 in bench/README.md).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ArmEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Embedded in the CLI: Kestrel's information logs must not reach its console, nor may the host take Ctrl+C.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new RequestThrottle(options.Throttling, options.TimeProvider));
        builder.Services.AddSingleton(new FaultPlan(options.Faults));
        builder.Services.ConfigureHttpJsonOptions(o => EmulatorJson.Configure(o.SerializerOptions));
        builder.WebHost.UseKestrelCore();
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        var app = builder.Build();
        app.Urls.Clear();
        app.MapArmRoutes();
        return app;
    }
}
