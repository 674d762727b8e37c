namespace Provisioning.ArmEmulator;

/// <summary>
/// Reads a path with repeated slashes (<c>//subscriptions/…</c>, <c>/subscriptions//…</c>) as ARM does: as if each run of
/// slashes were one. Microsoft's generic by-id clients join the endpoint's trailing slash and the id's leading one.
/// </summary>
/// <remarks>Runs before routing, so every later step (routes, throttling by subscription, nextLinks) sees the one path.</remarks>
internal sealed class ArmPathMiddleware(RequestDelegate next)
{
    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
        {
            context.Request.Path = new PathString(Collapse(path));
        }

        return next(context);
    }

    /// <summary>The path with every run of slashes replaced by one.</summary>
    internal static string Collapse(string path)
    {
        var result = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c != '/' || result.Length == 0 || result[^1] != '/')
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
