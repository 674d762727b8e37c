namespace Provisioning.Engine;

/// <summary>What <see cref="ProjectInit.InitAsync"/> wrote and, with <see cref="InitOptions.FromAzure"/>, what it read and recorded.</summary>
/// <param name="Project">The project.</param>
/// <param name="Stack">The stack.</param>
/// <param name="StackFile">The stack file written (its full path).</param>
/// <param name="ProjectFileWritten">Whether <c>Pulumi.yaml</c> was written (false: the one there names the project and was kept).</param>
public sealed record InitResult(string Project, string Stack, string StackFile, bool ProjectFileWritten)
{
    /// <summary>The registrations the stack file declares.</summary>
    public int Registrations { get; init; }

    /// <summary>The tenants the stack file declares.</summary>
    public int Tenants { get; init; }

    /// <summary>The mappings the stack file declares.</summary>
    public int Mappings { get; init; }

    /// <summary>With <see cref="InitOptions.FromAzure"/>: the import that recorded the mappings in the state (null when there were none).</summary>
    public StackRunResult? Import { get; init; }
}
