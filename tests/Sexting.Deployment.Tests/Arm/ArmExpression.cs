using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests.Arm;

/// <summary>
/// Evaluates the ARM template expressions that Bicep emits for app settings and module parameters
/// (<c>[format('…', parameters('x'))]</c>), with the functions those use: <c>parameters</c>,
/// <c>variables</c>, <c>reference</c>, <c>format</c>, <c>string</c>, <c>if</c>, <c>empty</c>,
/// <c>concat</c>, <c>toLower</c>, <c>createArray</c>, <c>createObject</c>, <c>greater</c>, <c>not</c>, and property access. Anything else throws, so a template that
/// grows a new function fails the test that reads it instead of being guessed.
/// </summary>
internal sealed class ArmExpression
{
    private readonly string _text;
    private readonly ArmScope _scope;
    private int _at;

    private ArmExpression(string text, ArmScope scope)
    {
        _text = text;
        _scope = scope;
    }

    /// <summary>A JSON value of a template: strings in brackets are expressions, everything else literal.</summary>
    public static JsonNode? Evaluate(JsonNode? value, ArmScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal):
                var parser = new ArmExpression(s[1..^1], scope);
                var result = parser.ParseExpression();
                parser.SkipSpace();
                if (parser._at != parser._text.Length)
                {
                    throw new FormatException($"Unexpected text at {parser._at} in '{s}'.");
                }

                return result;
            case JsonObject o:
                var obj = new JsonObject();
                foreach (var (key, item) in o)
                {
                    obj[key] = Evaluate(item, scope);
                }

                return obj;
            case JsonArray a:
                return new JsonArray([.. a.Select(i => Evaluate(i, scope))]);
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>The text an app setting takes: strings as they are, anything else as JSON.</summary>
    public static string AsSettingText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => node.ToJsonString(),
    };

    private JsonNode? ParseExpression()
    {
        SkipSpace();
        JsonNode? value;
        if (Peek() == '\'')
        {
            value = JsonValue.Create(ParseString());
        }
        else if (char.IsDigit(Peek()) || Peek() == '-')
        {
            var start = _at++;
            while (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                _at++;
            }

            value = JsonValue.Create(long.Parse(_text[start.._at], CultureInfo.InvariantCulture));
        }
        else
        {
            var name = ParseIdentifier();
            value = name switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                _ => Call(name, ParseArguments()),
            };
        }

        while (true)
        {
            SkipSpace();
            if (Peek() == '.')
            {
                _at++;
                var property = ParseIdentifier();
                value = value?[property] ?? throw new KeyNotFoundException($"No property '{property}' in {value?.ToJsonString()}.");
            }
            else if (Peek() == '[')
            {
                _at++;
                var index = ParseExpression();
                Expect(']');
                value = index is JsonValue iv && iv.TryGetValue<long>(out var n) ? value?[(int)n] : value?[AsSettingText(index)];
            }
            else
            {
                return value;
            }
        }
    }

    private List<JsonNode?> ParseArguments()
    {
        Expect('(');
        var arguments = new List<JsonNode?>();
        SkipSpace();
        if (Peek() == ')')
        {
            _at++;
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParseExpression());
            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect(')');
            return arguments;
        }
    }

    private JsonNode? Call(string name, List<JsonNode?> args) => name.ToLowerInvariant() switch
    {
        "parameters" => _scope.Parameter(AsSettingText(args[0])),
        "variables" => _scope.Variable(AsSettingText(args[0])),
        "reference" => _scope.Reference(AsSettingText(args[0])),
        "format" => JsonValue.Create(Format(AsSettingText(args[0]), args.Skip(1).Select(AsSettingText).ToArray())),
        "string" => JsonValue.Create(AsSettingText(args[0])),
        "concat" => args.All(a => a is JsonArray)
            ? new JsonArray([.. args.SelectMany(a => a!.AsArray()).Select(i => i?.DeepClone())])
            : JsonValue.Create(string.Concat(args.Select(AsSettingText))),
        "createarray" => new JsonArray([.. args.Select(a => a?.DeepClone())]),
        "createobject" => new JsonObject(args.Chunk(2).Select(p => KeyValuePair.Create(AsSettingText(p[0]), p[1]?.DeepClone()))),
        "greater" => JsonValue.Create(args[0]!.GetValue<long>() > args[1]!.GetValue<long>()),
        "tolower" => JsonValue.Create(AsSettingText(args[0]).ToLowerInvariant()),
        "empty" => JsonValue.Create(args[0] switch
        {
            null => true,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
            JsonObject o => o.Count == 0,
            JsonArray a => a.Count == 0,
            _ => false,
        }),
        "if" => args[0] is JsonValue c && c.GetValue<bool>() ? args[1] : args[2],
        "not" => JsonValue.Create(!args[0]!.GetValue<bool>()),
        _ => throw new NotSupportedException($"ARM function '{name}' is not evaluated here; add it to {nameof(ArmExpression)}."),
    };

    private static string Format(string format, string[] values)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && format.IndexOf('}', i) is var end and > 0 && int.TryParse(format[(i + 1)..end], CultureInfo.InvariantCulture, out var index))
            {
                result.Append(values[index]);
                i = end;
            }
            else
            {
                result.Append(format[i]);
            }
        }

        return result.ToString();
    }

    private string ParseString()
    {
        Expect('\'');
        var result = new StringBuilder();
        while (true)
        {
            var c = _text[_at++];
            if (c == '\'')
            {
                if (Peek() != '\'')
                {
                    return result.ToString();
                }

                _at++;
            }

            result.Append(c);
        }
    }

    private string ParseIdentifier()
    {
        SkipSpace();
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        return start == _at ? throw new FormatException($"Identifier expected at {start} in '{_text}'.") : _text[start.._at];
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw new FormatException($"'{c}' expected at {_at} in '{_text}'.");
        }

        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }
}

/// <summary>What <c>parameters()</c>, <c>variables()</c> and <c>reference()</c> answer in one template.</summary>
internal sealed record ArmScope(
    Func<string, JsonNode?> Parameter,
    Func<string, JsonNode?> Variable,
    Func<string, JsonNode?> Reference);
