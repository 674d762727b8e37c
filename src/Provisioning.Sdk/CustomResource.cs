using System.Runtime.CompilerServices;

namespace Provisioning.Sdk;

/// <summary>A resource the engine manages in the cloud (e.g. <see cref="AzureStack.CustomerSubscription"/>).</summary>
public abstract class CustomResource : Resource
{
    /// <summary>Declares a custom resource of <paramref name="type"/> with its <paramref name="inputs"/>; a derived type passes its own caller's file and line.</summary>
    protected CustomResource(string type, string name, IEnumerable<KeyValuePair<string, string?>> inputs, CustomResourceOptions? options = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        : base(type, name, custom: true, inputs, options, callerFile, callerLine)
    {
    }
}
