using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests.Arm;

/// <summary>A resource of a compiled template, with the module (nested deployment) it sits in.</summary>
internal sealed record ArmResource(string Symbol, string Type, string Name, JsonObject Body, string Module)
{
    /// <summary>The node at a dotted path below the resource body (<c>properties.siteConfig.minTlsVersion</c>).</summary>
    public JsonNode? At(string path)
    {
        JsonNode? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    /// <summary>The string at a path, or null.</summary>
    public string? StringAt(string path) => At(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The boolean at a path, or null.</summary>
    public bool? BoolAt(string path) => At(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
