using System.Runtime.CompilerServices;

namespace Provisioning.Sdk;

/// <summary>A logical grouping of resources with no cloud resource of its own; its children name it as their parent.</summary>
public class ComponentResource : Resource
{
    /// <summary>Declares a component of <paramref name="type"/> (e.g. <c>acme:stamps:AllStamps</c>) named <paramref name="name"/>; the caller's file and line are recorded.</summary>
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        : base(type, name, custom: false, [], options, callerFile, callerLine)
    {
    }

    /// <summary>Declares a component that records <paramref name="inputs"/> for the engine; a derived component passes its own caller's file and line.</summary>
    protected ComponentResource(string type, string name, IEnumerable<KeyValuePair<string, string?>> inputs, ComponentResourceOptions? options, string callerFile, int callerLine)
        : base(type, name, custom: false, inputs, options, callerFile, callerLine)
    {
    }

    /// <summary>Marks the component complete; kept for programs written for Pulumi, it does nothing here.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Pulumi's components call this.RegisterOutputs(); an instance method keeps their code compiling.")]
    protected void RegisterOutputs()
    {
    }
}
