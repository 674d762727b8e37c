using Provisioning.Config;

namespace Provisioning.Tests.Config;

/// <summary>import --write adds tenants to the stack file's text in place: everything already there stays byte for byte.</summary>
public sealed class StackFileEditorTests
{
    private const string Project = "tenant-registrations";
    private const string TenantId = "6b4cb242-4a23-4596-a217-beaddbc496cb";
    private const string Subscription = "92276658-1e27-41c0-8a6a-63ec24ede6a4";
    private const string Other = "0fd630f1-f29d-4da9-953f-48f1a09f76b5";

    private static readonly TenantEntry NewTenant = new("tenant-6b4cb242", TenantId, Subscription, [new("west", null), new("east", null)]);

    private const string Registrations = """
        # yaml-language-server: $schema=../../schema/stack.schema.json
        config:
          tenant-registrations:cloud: local   # the embedded emulator
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
            east: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-east }
        """;

    [Fact]
    public void A_new_tenant_goes_after_the_last_one_and_every_comment_stays()
    {
        var text = Registrations + """

              # Our customers, by contract name.
              tenant-registrations:tenants:
                contoso:   # since 2021
                  tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
                  subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
                  registrations: [west, east]   # both stamps
                  # renewed yearly
            # end of the file

            """;

        var edited = Edit(text, NewTenant);

        Assert.Equal(text.Replace("      # renewed yearly\n", """
                  # renewed yearly
                tenant-6b4cb242:
                  tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                  subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                  registrations: [west, east]

            """, StringComparison.Ordinal), edited);
        AssertDeclares(edited, "tenant-6b4cb242", 2);
    }

    [Fact]
    public void An_empty_tenants_mapping_becomes_a_block_mapping_and_keeps_its_comment()
    {
        var text = Registrations + "\n  tenant-registrations:tenants: {}   # none yet\n";

        var edited = Edit(text, NewTenant with { Registrations = [new("west", null), new("east", Other)] });

        Assert.Equal(Registrations + """

              tenant-registrations:tenants:   # none yet
                tenant-6b4cb242:
                  tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                  subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                  registrations:
                    - west
                    - registration: east
                      subscriptionId: 0fd630f1-f29d-4da9-953f-48f1a09f76b5

            """, edited);
        AssertDeclares(edited, "tenant-6b4cb242", 2);
    }

    [Fact]
    public void A_flow_tenants_mapping_stays_in_flow_style()
    {
        var text = Registrations + """

              tenant-registrations:tenants: { contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west] } }  # one line

            """;

        var edited = Edit(text, NewTenant);

        Assert.Equal(text.Replace("[west] } }", "[west] }, tenant-6b4cb242: { tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb, subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4, registrations: [west, east] } }", StringComparison.Ordinal), edited);
        AssertDeclares(edited, "tenant-6b4cb242", 2);
    }

    [Fact]
    public void An_empty_mapping_in_a_flow_config_is_filled_in_flow_style()
    {
        var text = "config: { tenant-registrations:cloud: local, tenant-registrations:registrations: { west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west } }, tenant-registrations:tenants: {} }\n";

        var edited = Edit(text, NewTenant with { Registrations = [new("west", null)] });

        Assert.Equal(text.Replace("tenants: {} }", "tenants: { tenant-6b4cb242: { tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb, subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4, registrations: [west] } } }", StringComparison.Ordinal), edited);
        AssertDeclares(edited, "tenant-6b4cb242", 1);
    }

    [Fact]
    public void A_declared_tenant_missing_on_a_registration_gets_it_appended_to_its_block_list()
    {
        var text = Registrations + """

              tenant-registrations:tenants:
                contoso:
                  tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                  subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                  registrations:
                    - west   # first stamp
                    # east comes later
                # contoso ends here

            """;

        var edited = Edit(text, NewTenant with { Key = "contoso", SubscriptionId = Other, Registrations = [new("east", null)] });

        Assert.Equal(text.Replace("        # east comes later\n", """
                    # east comes later
                    - registration: east
                      subscriptionId: 0fd630f1-f29d-4da9-953f-48f1a09f76b5

            """, StringComparison.Ordinal), edited);
        AssertDeclares(edited, "contoso", 2);
    }

    [Fact]
    public void A_declared_tenant_with_a_flow_list_gets_the_plain_key_when_billed_to_its_own_subscription()
    {
        var text = Registrations + """

              tenant-registrations:tenants:
                contoso: { tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb, subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4, registrations: [west] }

            """;

        var edited = Edit(text, NewTenant with { Key = "contoso", Registrations = [new("east", null)] });

        Assert.Equal(text.Replace("[west]", "[west, east]", StringComparison.Ordinal), edited);
        AssertDeclares(edited, "contoso", 2);
    }

    [Fact]
    public void Registrations_appended_to_the_last_tenant_come_before_the_new_tenants_after_it()
    {
        var text = Registrations + """

              tenant-registrations:tenants:
                contoso:
                  tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
                  subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
                  registrations:
                    - west
            """;

        var edited = Edit(text, new TenantEntry("contoso", "6b0d549b-6f03-475a-9600-a35a099950d8", "8d116ece-1738-47d9-bd9c-172411e20b8f", [new("east", null)]), NewTenant);

        Assert.Equal(text + """

                    - east
                tenant-6b4cb242:
                  tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                  subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                  registrations: [west, east]

            """, edited);
        AssertDeclares(edited, "contoso", 2);
        AssertDeclares(edited, "tenant-6b4cb242", 2);
    }

    [Fact]
    public void The_files_own_indentation_and_line_endings_are_kept()
    {
        var text = """
            config:
                tenant-registrations:registrations:
                    west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
                tenant-registrations:tenants:
                    contoso:
                        tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
                        subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
                        registrations: [west]

            """.ReplaceLineEndings("\r\n");

        var edited = Edit(text, NewTenant with { Registrations = [new("west", null)] });

        Assert.Equal(text + """
                    tenant-6b4cb242:
                        tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                        subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                        registrations: [west]

            """.ReplaceLineEndings("\r\n"), edited);
        AssertDeclares(edited, "tenant-6b4cb242", 1);
    }

    [Fact]
    public void A_file_without_a_final_line_break_gets_one_before_the_new_lines()
    {
        var text = Registrations + "\n  tenant-registrations:tenants:\n    contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west] }";

        var edited = Edit(text, NewTenant);

        Assert.StartsWith(text + "\n    tenant-6b4cb242:\n", edited, StringComparison.Ordinal);
        AssertDeclares(edited, "tenant-6b4cb242", 2);
    }

    [Fact]
    public void A_tenant_that_already_lists_the_registration_is_refused_where_its_list_is()
    {
        var text = Registrations + """

              tenant-registrations:tenants:
                contoso:
                  tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb
                  subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4
                  registrations: [west]

            """;

        var edit = StackFileEditor.AddTenants(text, "Pulumi.dev.yaml", Project, [NewTenant with { Key = "contoso", Registrations = [new("west", Other)] }]);

        Assert.Equal(text, edit.Text);
        var problem = Assert.Single(edit.Problems);
        Assert.Equal("PRV250", problem.Code);
        Assert.Equal("Pulumi.dev.yaml(11,22)", problem.Span.ToString());
        Assert.Contains("already lists the registration 'west'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  tenant-registrations:tenants: *shared\n", "an alias", 9, 33)]
    [InlineData("  tenant-registrations:tenants:\n    contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west] }\n", "has the tenant id 6b0d549b", 10, 26)]
    [InlineData("  tenant-registrations:tenants:\n    tenant-6b4cb242: { tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb, registrations: *regs }\n", "is an alias", 10, 87)]
    public void What_cannot_be_edited_in_place_is_refused_with_its_place_and_the_text_unchanged(string tenants, string reason, int line, int column)
    {
        var text = Registrations + "\n  x:shared: &shared {}\n  x:regs: &regs [west]\n" + tenants;
        var key = tenants.Contains("contoso", StringComparison.Ordinal) ? "contoso" : "tenant-6b4cb242";

        var edit = StackFileEditor.AddTenants(text, "Pulumi.dev.yaml", Project, [NewTenant with { Key = key }]);

        Assert.Equal(text, edit.Text);
        var problem = Assert.Single(edit.Problems);
        Assert.Equal("PRV250", problem.Code);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Equal(new Provisioning.Diagnostics.SourceSpan("Pulumi.dev.yaml", line, column), problem.Span);
    }

    [Fact]
    public void Tenant_entries_bill_each_tenant_to_its_most_used_subscription_and_name_the_others()
    {
        var entries = TenantEntry.Group(
        [
            new FoundMapping("tenant-b", "B0000000-0000-0000-0000-000000000001", "west", Other.ToUpperInvariant()),
            new FoundMapping("tenant-a", "a0000000-0000-0000-0000-000000000001", "west", Subscription),
            new FoundMapping("tenant-b", "b0000000-0000-0000-0000-000000000001", "east", Subscription),
            new FoundMapping("tenant-b", "b0000000-0000-0000-0000-000000000001", "north", Subscription),
        ]);

        Assert.Equal(["tenant-a", "tenant-b"], entries.Select(e => e.Key));
        var b = entries[1];
        Assert.Equal(("b0000000-0000-0000-0000-000000000001", Subscription), (b.TenantId, b.SubscriptionId));
        Assert.Equal([new("west", Other), new("east", null), new("north", null)], b.Registrations);
    }

    [Theory]
    [InlineData("azurestack-west", "azurestack-west")]
    [InlineData("null", "'null'")]
    [InlineData("Yes", "'Yes'")]
    [InlineData("12", "'12'")]
    [InlineData("a#b", "'a#b'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("-west", "'-west'")]
    [InlineData("https://127.0.0.1:8443/", "https://127.0.0.1:8443/")]
    public void Values_that_yaml_would_read_otherwise_are_quoted(string value, string expected)
    {
        Assert.Equal(expected, StackFileText.Scalar(value));
    }

    private static string Edit(string text, params TenantEntry[] tenants)
    {
        var edit = StackFileEditor.AddTenants(text, "Pulumi.dev.yaml", Project, tenants);
        Assert.Empty(edit.Problems);
        return edit.Text;
    }

    /// <summary>The edited file is a valid stack whose tenant <paramref name="key"/> is mapped on <paramref name="registrations"/> registrations.</summary>
    private static void AssertDeclares(string text, string key, int registrations)
    {
        var result = ConfigFixture.ParseStack(text, stack: "dev");
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics) + Environment.NewLine + text);
        var tenant = Assert.Single(result.Stack!.Tenants, t => t.Key == key);
        Assert.Equal(registrations, tenant.Mappings.Count);
    }
}
