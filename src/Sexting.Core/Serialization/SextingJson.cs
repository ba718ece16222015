using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sexting.Core.Serialization;

/// <summary>The JSON settings of the product: camelCase names, enums by name, ISO dates.</summary>
public static class SextingJson
{
    /// <summary>Settings for everything the product writes or stores.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
