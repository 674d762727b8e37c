using Provisioning.Export;

namespace Provisioning.Tests.Export;

public sealed class DeploymentLayoutTests
{
    [Fact]
    public void A_stack_in_one_resource_group_is_one_inline_main_deployment()
    {
        var deployment = Assert.Single(DeploymentLayout.Plan(ExportModel.From(ExportStacks.MultiStamp)));

        Assert.Equal("main", deployment.FileStem);
        Assert.False(deployment.IsSplit);
        Assert.Equal(3, deployment.Registrations.Count);
    }

    [Fact]
    public void Past_the_limit_every_template_declares_at_most_800_resources()
    {
        var deployment = Assert.Single(DeploymentLayout.Plan(ExportModel.From(ExportStacks.Large(2000))));

        Assert.True(deployment.IsSplit);
        Assert.Equal(["big-part1", "big-part2", "big-part3"], deployment.Modules.Select(m => m.Name));
        Assert.All(deployment.Modules, m => Assert.True(m.Mappings.Count + 1 <= DeploymentLayout.MaxResourcesPerTemplate));
        Assert.Equal(2000, deployment.Modules.Sum(m => m.Mappings.Count));
    }

    [Fact]
    public void Exactly_799_mappings_and_their_registration_stay_inline()
    {
        Assert.False(Assert.Single(DeploymentLayout.Plan(ExportModel.From(ExportStacks.Large(799)))).IsSplit);
        Assert.True(Assert.Single(DeploymentLayout.Plan(ExportModel.From(ExportStacks.Large(800)))).IsSplit);
    }
}
