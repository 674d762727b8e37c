using System.Text.Json;

namespace Provisioning.Planning;

/// <summary>Reads and writes <see cref="SavedPlan"/> as indented JSON text (the caller does the file I/O).</summary>
public static class SavedPlanSerializer
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The JSON text of a saved plan.</summary>
    public static string Write(SavedPlan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>Reads a saved plan; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static SavedPlan Read(string json, string source)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<SavedPlan>(json, Options) ?? throw new JsonException("the document is null.");
            if (plan.FormatVersion != SavedPlan.CurrentFormatVersion)
            {
                throw new InvalidDataException($"{source}: plan format version '{plan.FormatVersion}' is not supported (expected {SavedPlan.CurrentFormatVersion}).");
            }

            if (plan.Project is null || plan.Stack is null || plan.ActualFingerprint is null || plan.Steps.IsDefault)
            {
                throw new JsonException("project, stack, steps and actual_fingerprint are required.");
            }

            return plan;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a plan file: {e.Message}", e);
        }
    }
}
