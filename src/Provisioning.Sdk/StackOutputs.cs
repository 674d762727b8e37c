using System.Reflection;

namespace Provisioning.Sdk;

/// <summary>Reads the <see cref="OutputAttribute"/> properties of a <see cref="Stack"/> (awaiting a task's result).</summary>
internal static class StackOutputs
{
    public static async Task<IDictionary<string, object?>> ReadAsync(Stack stack)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in stack.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } output)
            {
                continue;
            }

            var value = property.GetValue(stack);
            if (value is Task task)
            {
                await task;
                value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")?.GetValue(task) : null;
            }

            outputs[output.Name ?? property.Name] = value;
        }

        return outputs;
    }
}
