namespace Provisioning.Sdk;

/// <summary>
/// A program written as a class: its constructor declares the resources, and its public properties marked
/// <see cref="OutputAttribute"/> are the stack outputs. Run it with <see cref="Deployment.RunAsync{TStack}"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Pulumi's name for a program written as a class.")]
public abstract class Stack
{
    /// <summary>Makes the stack; only inside the program that <see cref="Deployment"/> runs.</summary>
    protected Stack() => DeploymentContext.Require("A Stack");
}
