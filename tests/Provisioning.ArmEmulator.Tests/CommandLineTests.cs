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

    [Theory]
    [InlineData("--urls", "https://0.0.0.0:8443")]
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
}
