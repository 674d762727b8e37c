namespace Provisioning.Programs;

/// <summary>
/// The one message a C# program on Provisioning.Sdk hands to the engine: everything it declared (resources, outputs)
/// and every problem it met. Versioned by <see cref="Format"/>; see docs/program-contract.md.
/// </summary>
/// <param name="Format">The format and version of the message, <see cref="CurrentFormat"/> for this one.</param>
/// <param name="Project">The project the program ran for (from <c>PROVISION_PROJECT</c>).</param>
/// <param name="Stack">The stack the program ran for (from <c>PROVISION_STACK</c>).</param>
/// <param name="Preview">True when the program ran for a preview (from <c>PROVISION_PREVIEW</c>).</param>
/// <param name="Resources">Every resource the program registered, in registration order.</param>
/// <param name="Outputs">The stack outputs, in the order the program returned them; secrets carry no value.</param>
/// <param name="Problems">Every problem the program met (missing config, an exception); empty when it ran to its end.</param>
public sealed record ProgramMessage(
    string Format,
    string Project,
    string Stack,
    bool Preview,
    IReadOnlyList<ProgramResource> Resources,
    IReadOnlyList<ProgramOutput> Outputs,
    IReadOnlyList<ProgramProblem> Problems)
{
    /// <summary>The format this engine reads and this SDK writes.</summary>
    public const string CurrentFormat = FormatFamily + "1";

    /// <summary>The prefix every version of the format shares; the version number follows it.</summary>
    public const string FormatFamily = "provision-program/";

    /// <summary>The version of Provisioning.Sdk that wrote the message, for diagnostics only (optional).</summary>
    public string? Sdk { get; init; }
}
