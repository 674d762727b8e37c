namespace Provisioning.ArmEmulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Urls_sets_the_port_and_the_scheme()
    {
        var (options, error) = EmulatorCommandLine.Parse(["--urls", "http://localhost:8080"]);

        Assert.Null(error);
        Assert.Equal(8080, options!.Port);
        Assert.False(options.UseHttps);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var (options, error) = EmulatorCommandLine.Parse(
            ["--port=9443", "--data", "state.json", "--page-size", "7", "--put-returns-created"]);

        Assert.Null(error);
        Assert.Equal(9443, options!.Port);
        Assert.True(options.UseHttps);
        Assert.Equal("state.json", options.DataFile);
        Assert.Equal(7, options.PageSize);
        Assert.True(options.PutReturnsCreated);
    }

    [Fact]
    public void Throttling_and_fault_options_are_read()
    {
        var (options, error) = EmulatorCommandLine.Parse(
        [
            "--throttle-writes", "20:50", "--throttle-reads=300:30", "--throttle-deletes", "5:0.5", "--throttle-global", "3",
            "--fault-rate", "0.2", "--fault-503", "0.1", "--fault-after-commit", "0.05", "--fault-delay", "0.01",
            "--fault-delay-ms", "1500", "--fault-retry-after", "2", "--fault-seed", "42", "--fault-kinds", "write,delete",
            "--save-interval", "0",
        ]);

        Assert.Null(error);
        Assert.True(options!.Throttling.Enabled);
        Assert.Equal((20.0, 50.0), (options.Throttling.Writes.BucketSize, options.Throttling.Writes.RefillPerSecond));
        Assert.Equal((300.0, 30.0), (options.Throttling.Reads.BucketSize, options.Throttling.Reads.RefillPerSecond));
        Assert.Equal((5.0, 0.5), (options.Throttling.Deletes.BucketSize, options.Throttling.Deletes.RefillPerSecond));
        Assert.Equal(3, options.Throttling.GlobalMultiplier);
        var writes = options.Faults.Writes;
        Assert.Equal((0.05, 0.1, 0.05, 0.05), (writes.InternalServerErrorShare, writes.ServiceUnavailableShare, writes.TooManyRequestsShare, writes.DropConnectionShare));
        Assert.Equal((0.05, 0.01), (writes.FaultAfterCommitShare, writes.DelayShare));
        Assert.Equal(writes.Total, options.Faults.Deletes.Total);
        Assert.Equal(0, options.Faults.Reads.Total);
        Assert.Equal((TimeSpan.FromMilliseconds(1500), 2, 42), (options.Faults.Delay, options.Faults.RetryAfterSeconds, options.Faults.Seed));
        Assert.Equal(TimeSpan.Zero, options.SaveInterval);
    }

    [Fact]
    public void No_throttling_turns_it_off_and_the_defaults_are_ARM_s()
    {
        var (defaults, _) = EmulatorCommandLine.Parse([]);
        var (off, _) = EmulatorCommandLine.Parse(["--no-throttling"]);

        Assert.True(defaults!.Throttling.Enabled);
        Assert.Equal((200.0, 10.0), (defaults.Throttling.Writes.BucketSize, defaults.Throttling.Writes.RefillPerSecond));
        Assert.False(defaults.Faults.Enabled);
        Assert.False(off!.Throttling.Enabled);
    }

    [Theory]
    [InlineData("--urls", "https://0.0.0.0:8443")]
    [InlineData("--throttle-writes", "20")]
    [InlineData("--throttle-writes", "0:10")]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-kinds", "reads,updates")]
    [InlineData("--fault-seed", "x")]
    [InlineData("--urls", "https://example.com:8443")]
    [InlineData("--urls", "ftp://127.0.0.1:21")]
    [InlineData("--port", "70000")]
    [InlineData("--page-size", "0")]
    [InlineData("--colour", "blue")]
    public void Wrong_arguments_are_refused_with_a_message(string name, string value)
    {
        var (options, error) = EmulatorCommandLine.Parse([name, value]);

        Assert.Null(options);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Help_returns_neither_options_nor_error()
    {
        Assert.Equal((null, null), EmulatorCommandLine.Parse(["--help"]));
    }

    [Fact]
    public void Shares_adding_up_to_more_than_one_are_refused()
    {
        var (options, error) = EmulatorCommandLine.Parse(["--fault-rate", "0.8", "--fault-delay", "0.5"]);

        Assert.Null(options);
        Assert.Contains("at most 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_text_names_every_option()
    {
        string[] names =
        [
            "--no-throttling", "--throttle-reads", "--throttle-writes", "--throttle-deletes", "--throttle-global", "--fault-rate",
            "--fault-500", "--fault-503", "--fault-429", "--fault-drop", "--fault-after-commit", "--fault-delay", "--fault-delay-ms",
            "--fault-retry-after", "--fault-kinds", "--fault-seed", "--save-interval",
        ];

        Assert.All(names, name => Assert.Contains(name, EmulatorCommandLine.Usage, StringComparison.Ordinal));
    }
}
