namespace Provisioning.Azure.Tests;

/// <summary>How a failed ARM request reads to an operator.</summary>
public sealed class ArmRequestExceptionTests
{
    [Fact]
    public void The_message_names_the_request_status_code_text_and_request_id()
    {
        var error = new ArmRequestException("DELETE", "/subscriptions/s/x", 409, "Conflict", "Busy.", "abc");

        Assert.Equal("DELETE /subscriptions/s/x failed: 409 Conflict: Busy. (request id abc)", error.Message);
        Assert.Equal((409, "Conflict", "abc", "Busy."), (error.Status, error.ErrorCode, error.RequestId, error.ArmMessage));
    }

    [Fact]
    public void The_message_leaves_out_what_is_unknown()
    {
        var error = new ArmRequestException("GET", "/subscriptions/s", 0, null, null, null);

        Assert.Equal("GET /subscriptions/s failed: no response", error.Message);
    }

    [Fact]
    public void It_is_a_resource_provider_exception_for_the_CLIs_one_gate()
    {
        Provisioning.Execution.ResourceProviderException error = new ArmRequestException("PUT", "/p", 500, "InternalServerError", "boom", "r");

        Assert.Equal(500, error.Status);
    }
}
