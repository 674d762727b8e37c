using Provisioning.Engine;
using System.Collections.Immutable;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>A PUT that took effect but whose answer was lost: the next up records the mapping, so destroy removes it.</summary>
public sealed class LostAnswerTests : IDisposable
{
    private readonly ProjectFolder _folder = new(ProjectFolder.DevStack.Replace("      protect: true\n", string.Empty, StringComparison.Ordinal));
    private readonly LosingFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_put_committed_without_an_answer_is_adopted_by_the_next_up_and_removed_by_destroy()
    {
        _providers.LoseAnswers = true;
        var first = await RunAsync("up", "-s", "dev", "--yes");
        _providers.LoseAnswers = false;
        var afterFirst = await File.ReadAllTextAsync(_folder.StatePath());
        var inAzure = _providers.Inner.Resources.Length;
        var putsBefore = _providers.Inner.Calls.Count(c => c.Method == "PUT");

        var second = await RunAsync("up", "-s", "dev", "--yes");
        var putsAfter = _providers.Inner.Calls.Count(c => c.Method == "PUT");
        var destroy = await RunAsync("destroy", "-s", "dev", "--yes");

        Assert.Equal(1, first.Code);
        Assert.Equal(5, inAzure);
        Assert.DoesNotContain("customerSubscriptions", afterFirst, StringComparison.Ordinal);
        Assert.True(second.Code == 0, second.Error);
        Assert.Contains("5 to adopt", second.Out, StringComparison.Ordinal);
        Assert.Equal(putsBefore, putsAfter);
        Assert.True(destroy.Code == 0, destroy.Error);
        Assert.Empty(_providers.Inner.Resources);
    }

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) =>
        CliHarness.RunAsync(_providers, [.. args, "-C", _folder.Path]);

    /// <summary>Every PUT reaches the in-memory "Azure", but while <see cref="LoseAnswers"/> is set its answer never comes back.</summary>
    private sealed class LosingFactory : IProviderFactory, IResourceProvider
    {
        public InMemoryResourceProvider Inner { get; } = new();

        public bool LoseAnswers { get; set; }

        public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderConnection(this, "in-memory"));

        public async Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default)
        {
            var answer = await Inner.PutAsync(id, apiVersion, properties, cancellationToken);
            return LoseAnswers ? throw new HttpRequestException("The connection was reset before the answer arrived.") : answer;
        }

        public Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => Inner.DeleteAsync(id, apiVersion, cancellationToken);

        public Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => Inner.GetAsync(id, apiVersion, cancellationToken);

        public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default) =>
            Inner.ListAsync(parent, childType, apiVersion, cancellationToken);
    }
}
