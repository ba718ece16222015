using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sexting.Core.Referrals;

/// <summary>Writes a <see cref="ForceArea"/> as its name.</summary>
public sealed class ForceAreaJsonConverter : JsonConverter<ForceArea>
{
    /// <inheritdoc />
    public override ForceArea Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ForceArea.IsValidName(name)
            ? ForceArea.Of(name)
            : throw new JsonException("A force area must be a force name.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ForceArea value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }

    /// <inheritdoc />
    public override ForceArea ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && ForceArea.IsValidName(name)
            ? ForceArea.Of(name)
            : throw new JsonException("A force area must be a force name.");

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ForceArea value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Name);
    }
}
