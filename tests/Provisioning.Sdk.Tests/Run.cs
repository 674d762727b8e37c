using Provisioning.Programs;

namespace Provisioning.Sdk.Tests;

/// <summary>Runs a program in-process with a memory sink, as the engine would run it as a process.</summary>
internal static class Run
{
    public static async Task<(int ExitCode, ProgramMessage Message, string Json)> ProgramAsync(Func<IDictionary<string, object?>> program, ProgramSettings? settings = null)
    {
        var sink = new MemoryProgramMessageSink();
        var exit = await new ProgramHost(settings ?? Stamps.Settings(), sink).RunAsync(program);
        return (exit, sink.Message!, System.Text.Encoding.UTF8.GetString(sink.Json.Span));
    }

    public static IDictionary<string, object?> NoOutputs() => new Dictionary<string, object?>();
}
