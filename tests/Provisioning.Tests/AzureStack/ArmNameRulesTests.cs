using Provisioning.AzureStack;

namespace Provisioning.Tests.AzureStack;

public sealed class ArmNameRulesTests
{
    [Theory]
    [InlineData("azurestack west")]
    [InlineData("azurestack\u00a0west")]
    [InlineData("azurestack\u200bwest")]
    [InlineData("azurestack-west\u3000")]
    public void A_resource_name_with_whitespace_or_an_invisible_character_is_refused(string name) =>
        Assert.Contains("spaces or invisible characters", ArmNameRules.CheckResourceName(name), StringComparison.Ordinal);

    [Theory]
    [InlineData("azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450")]
    [InlineData("stämpel.west_1")]
    public void An_ordinary_resource_name_is_accepted(string name) =>
        Assert.Null(ArmNameRules.CheckResourceName(name));

    [Theory]
    [InlineData("azure stack")]
    [InlineData("azure\u00a0stack")]
    public void A_resource_group_with_whitespace_is_refused(string name) =>
        Assert.NotNull(ArmNameRules.CheckResourceGroup(name));
}
