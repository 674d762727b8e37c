using Provisioning.Model;

namespace Provisioning.Tests.Model;

public sealed class InternerTests
{
    private const string Registration =
        "/subscriptions/7a1c0f3e-0000-4000-8000-00000000ab12/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-cloud1";

    private static readonly Urn Component = Urn.Create("dev", "p", "provisioning:azurestack:TenantRegistration", "west");

    private static Resource Desired(string subscription, string tenant) => new(
        Urn.Create("dev", "p", "azure-native:azurestack:CustomerSubscription", "west-" + tenant, Component),
        ArmResourceId.Parse(Registration).Child("customerSubscriptions", subscription),
        "Microsoft.AzureStack/registrations/customerSubscriptions",
        "2017-06-01",
        Resource.PropertiesOf(("tenantId", tenant)),
        Component,
        ResourceOptions.None);

    [Fact]
    public void Text_equal_to_a_desired_value_gives_back_the_desired_instance()
    {
        var desired = Desired("11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002");
        var interner = Interner.From(new ResourceGraph("p", "dev", [new Component(Component, "t", "west", [desired])]));

        Assert.True(interner.TryGetId(desired.Id.ToString().ToCharArray(), out var id, out _));

        Assert.True(desired.Id.SharesTextWith(id));
        Assert.Same(desired.Urn, interner.Urn(desired.Urn.Value.ToCharArray()));
        Assert.Same(desired.Parent, interner.Urn(Component.Value.ToCharArray()));
        Assert.Same(desired.Type, interner.Text(desired.Type.ToCharArray()));
        var tenant = interner.Text("22222222-0000-4000-8000-000000000002".ToCharArray());
        Assert.Same(desired.Properties, interner.Properties([new(interner.Text("tenantId".ToCharArray()), tenant)]));
    }

    [Fact]
    public void Text_that_differs_in_case_is_a_new_instance_printed_as_written()
    {
        var desired = Desired("11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002");
        var interner = Interner.From(new ResourceGraph("p", "dev", [new Component(Component, "t", "west", [desired])]));
        var shouted = desired.Id.ToString().ToUpperInvariant();

        Assert.True(interner.TryGetId(shouted.ToCharArray(), out var id, out _));

        Assert.Equal(shouted, id.ToString());
        Assert.Equal(desired.Id, id);
        Assert.True(interner.TryGetId(shouted.ToCharArray(), out var again, out _));
        Assert.Same(id.ToString(), again.ToString());
    }

    [Fact]
    public void Text_that_is_not_an_id_is_refused_with_the_parser_reason()
    {
        var interner = new Interner();

        Assert.False(interner.TryGetId("/subscriptions//x".ToCharArray(), out _, out var error));
        Assert.Contains("subscriptions", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => interner.Urn("urn:pulumi:dev".ToCharArray()));
    }

    [Fact]
    public void A_seeded_interner_read_by_many_threads_gives_one_instance_per_text_seeded_or_not()
    {
        var desired = Enumerable.Range(0, 200).Select(n => Desired($"11111111-0000-4000-8000-{n:x12}", $"22222222-0000-4000-8000-{n:x12}")).ToList();
        var interner = Interner.From(new ResourceGraph("p", "dev", [new Component(Component, "t", "west", desired)]));
        var unknown = Enumerable.Range(0, 50).Select(n => $"{Registration}/customerSubscriptions/33333333-0000-4000-8000-{n:x12}").ToList();

        // Eight readers at once (as a refresh's page readers): seeded ids come back as the desired instances without the
        // lock; ids the seed lacks are parsed once and shared through the overflow.
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Text, ArmResourceId Id)>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, reader =>
        {
            foreach (var text in desired.Select(d => d.Id.ToString()).Concat(unknown))
            {
                Assert.True(interner.TryGetId(text.ToCharArray(), out var id, out _));
                seen.Add((text, id));
            }
        });

        Assert.All(desired, d => Assert.All(seen.Where(x => x.Text == d.Id.ToString()), x => Assert.True(d.Id.SharesTextWith(x.Id))));
        Assert.All(unknown, u =>
        {
            var ids = seen.Where(x => x.Text == u).Select(x => x.Id).ToList();
            Assert.Equal(8, ids.Count);
            Assert.All(ids, id => Assert.True(ids[0].SharesTextWith(id)));
        });
    }

    [Fact]
    public void A_seeded_interner_takes_no_more_seed()
    {
        var interner = Interner.From(new ResourceGraph("p", "dev", []));

        Assert.Throws<InvalidOperationException>(() => interner.Add([Desired("11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002")]));
    }
}
