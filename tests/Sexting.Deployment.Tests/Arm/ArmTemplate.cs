using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests.Arm;

/// <summary>
/// A compiled ARM template with every resource of every nested deployment (Bicep module) flattened
/// into one list. Handles both the array form of <c>resources</c> and the symbolic-name object form
/// that Bicep emits with <c>languageVersion</c> 2.0.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, IReadOnlyList<ArmResource> resources, IReadOnlyDictionary<string, JsonObject> modules)
    {
        Root = root;
        Resources = resources;
        Modules = modules;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>Nested templates by module (deployment) name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Modules { get; }

    public static ArmTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not a JSON object.", nameof(json));
        var resources = new List<ArmResource>();
        var modules = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Collect(root, "main", resources, modules);
        return new ArmTemplate(root, resources, modules);
    }

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    private static void Collect(JsonObject template, string module, List<ArmResource> resources, Dictionary<string, JsonObject> modules)
    {
        IEnumerable<(string Symbol, JsonObject Body)> items = template["resources"] switch
        {
            JsonObject obj => obj.Select(p => (p.Key, p.Value!.AsObject())),
            JsonArray arr => arr.Select((n, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), n!.AsObject())),
            _ => [],
        };

        foreach (var (symbol, body) in items)
        {
            var type = (string?)body["type"] ?? string.Empty;
            var name = (string?)body["name"] ?? string.Empty;
            if (body["existing"] is JsonValue existing && existing.TryGetValue<bool>(out var isExisting) && isExisting)
            {
                continue; // a reference to a resource declared elsewhere, not a deployment of it
            }

            resources.Add(new ArmResource(symbol, type, name, body, module));
            if (type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                modules[name] = nested;
                Collect(nested, name, resources, modules);
            }
        }
    }
}
