using Provisioning.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;

namespace Provisioning.Benchmarks;

/// <summary>Generated stacks of a given size: registrations × tenants, every tenant on every registration.</summary>
internal static class BenchStacks
{
    public static StackDefinition Create(int registrations, int tenants)
    {
        var span = new SourceSpan("bench.yaml", 1, 1);
        var regs = Enumerable.Range(0, registrations)
            .Select(r => new Registration($"r{r}", Guid(1, r), "azurestack", $"azurestack-{Guid(2, r)}", span))
            .ToList();
        var ts = Enumerable.Range(0, tenants)
            .Select(t => new Tenant(
                $"t{t}",
                Guid(3, t),
                regs.Select(r => new TenantMapping(r.Key, Guid(4, t), span)).ToList(),
                Protect: false,
                RetainOnDelete: false,
                span))
            .ToList();
        return new StackDefinition("bench", "bench", CloudSpec.Local, regs, ts);
    }

    public static string Guid(int kind, int n) => $"{kind:x8}-0000-4000-8000-{n:x12}";
}
