using NJsonSchema;

namespace Provisioning.Cli.Tests;

/// <summary>The JSON Schemas shipped in schema/, and the repository root they are found from.</summary>
internal static class Schemas
{
    public static string Root { get; } = FindRoot();

    public static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateAsync(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(System.IO.Path.Combine(Root, "schema", schemaFile));
        return schema.Validate(json);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Provisioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Provisioning.sln not found above " + AppContext.BaseDirectory);
    }
}
