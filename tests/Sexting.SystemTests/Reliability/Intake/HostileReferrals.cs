using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static Sexting.SystemTests.Reliability.Intake.ValidReferral;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>
/// The curated hostile intake requests (issue 10, item 1): broken JSON, wrong types, nulls, deep
/// nesting, huge fields and bodies, wrong media types, odd Unicode, injection strings, data: URIs
/// and base64 images, impossible dates, too many people. Each one is invalid under contract §2,
/// so each must get a 4xx with problem details and change nothing.
/// </summary>
public static class HostileReferrals
{
    private const string Json = "application/json";

    public static readonly IReadOnlyDictionary<string, HostileRequest> All = Build().ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static HostileRequest Text(string name, string body, int? status = 400, string? contentType = Json) =>
        new(name, contentType, Encoding.UTF8.GetBytes(body), status);

    private static HostileRequest Node(string name, JsonNode node, int? status = 400) => Text(name, node.ToJsonString(), status);

    private static IEnumerable<HostileRequest> Build()
    {
        var valid = ValidReferral.Json();

        // Wrong media types: 415 whatever the body (contract §2).
        foreach (var type in new[] { "text/plain", "application/xml", "text/json", "application/json-patch+json", "application/jsonx", "text/html", "application/octet-stream", "image/png", "///", "application", "json" })
        {
            yield return Text("media type " + type, valid, 415, type);
        }

        yield return Text("media type missing", valid, 415, null);
        yield return Text("media type empty", valid, 415, "");
        yield return new HostileRequest("multipart with an image file part", "multipart/form-data; boundary=XyZ",
            Encoding.UTF8.GetBytes("--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--XyZ--\r\n"), 415);

        // Broken JSON.
        foreach (var (name, body) in new[]
        {
            ("empty body", ""), ("whitespace body", "   \n\t "), ("lone open brace", "{"), ("lone close brace", "}"),
            ("empty array", "[]"), ("array of referral", "[" + valid + "]"), ("null literal", "null"), ("number literal", "42"),
            ("string literal", "\"referral\""), ("true literal", "true"), ("empty object", "{}"),
            ("trailing garbage", valid + " x"), ("two documents", valid + valid), ("trailing comma", valid[..^1] + ",}"),
            ("comment", "/* hi */" + valid), ("single quotes", valid.Replace('"', '\'')), ("NaN value", valid.Replace("false", "NaN", StringComparison.Ordinal)),
            ("invalid escape", valid.Replace("Reliability Academy", "Reliability\\x41cademy", StringComparison.Ordinal)),
            ("unterminated string", "{\"forceArea\": \"Dorset"), ("unquoted key", "{forceArea: \"Dorset\"}"),
            ("key without value", "{\"forceArea\":}"), ("raw newline in string", valid.Replace("Reliability Academy", "Reliability\nAcademy", StringComparison.Ordinal)),
            ("raw NUL in document", valid.Replace("Reliability Academy", "Reliability\0Academy", StringComparison.Ordinal)),
            ("hex number", valid.Replace("false", "0x0", StringComparison.Ordinal)), ("undefined literal", "{\"forceArea\": undefined}"),
        })
        {
            yield return Text("broken JSON: " + name, body);
        }

        for (var cut = 1; cut < 10; cut++)
        {
            var at = valid.Length * cut / 10;
            yield return Text($"truncated at {cut}0%", valid[..at]);
        }

        yield return new HostileRequest("invalid UTF-8 byte", Json, Concat(Encoding.UTF8.GetBytes(valid[..40]), [0xFF], Encoding.UTF8.GetBytes(valid[40..])), 400);
        yield return new HostileRequest("overlong UTF-8 encoding of '/'", Json, Concat(Encoding.UTF8.GetBytes(valid[..40]), [0xC0, 0xAF], Encoding.UTF8.GetBytes(valid[40..])), 400);
        yield return new HostileRequest("UTF-8 encoded surrogate", Json, Concat(Encoding.UTF8.GetBytes(valid[..40]), [0xED, 0xA0, 0x80], Encoding.UTF8.GetBytes(valid[40..])), 400);
        yield return new HostileRequest("UTF-16 body", Json, Encoding.Unicode.GetBytes(valid), 400);
        yield return new HostileRequest("UTF-32 body", Json, Encoding.UTF32.GetBytes(valid), 400);

        // Nulls and missing required values.
        foreach (var (path, _, required) in Fields.Where(f => f.Required))
        {
            yield return Node("null " + path, With(path, null));
            yield return Node("missing " + path, With(path, null, remove: true));
            yield return Node("blank " + path, With(path, "   "));
        }

        foreach (var section in new[] { "setting", "reporter", "incident", "youngPeople" })
        {
            yield return Node("null section " + section, With(section, null));
        }

        // Wrong types at every field.
        foreach (var (path, kind, _) in Fields)
        {
            if (kind != ValidReferral.Kind.Bool)
            {
                yield return Node("number at " + path, With(path, 123));
                yield return Node("boolean at " + path, With(path, true));
            }
            else
            {
                yield return Node("string at " + path, With(path, "true"));
                yield return Node("number at " + path, With(path, 1));
            }

            yield return Node("array at " + path, With(path, new JsonArray("x")));
            yield return Node("object at " + path, With(path, new JsonObject { ["$ne"] = "" }));
        }

        foreach (var section in new[] { "setting", "reporter", "incident", "concerns", "imageryHandling" })
        {
            yield return Node("string instead of object " + section, With(section, "object"));
            yield return Node("array instead of object " + section, With(section, new JsonArray()));
        }

        yield return Node("youngPeople as object", With("youngPeople", new JsonObject { ["0"] = YoungPerson("YP1", "A B") }));
        yield return Node("youngPeople of strings", With("youngPeople", new JsonArray("Alex")));
        yield return Node("adultsInvolved as string", With("adultsInvolved", "none"));
        yield return Node("adult with neither name nor description", With("adultsInvolved", new JsonArray(new JsonObject())));
        yield return Node("submissionId not a GUID", With("submissionId", "not-a-guid"));
        yield return Node("submissionId empty GUID", With("submissionId", Guid.Empty.ToString()));
        yield return Node("submissionId as number", With("submissionId", 42));
        yield return Node("submissionId braced", With("submissionId", "{" + Guid.NewGuid() + "}"));

        // Deep nesting, in an unknown property and in a known one, and a bare one.
        yield return Node("nesting 40 deep in unknown property", With("extra", Nest(40)));
        yield return Node("nesting 40 deep in concerns", With("concerns", Nest(40)));
        yield return Text("nesting 10000 deep arrays", new string('[', 10_000) + new string(']', 10_000));
        yield return Text("nesting 20000 deep objects (over 64 KiB)", string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000), 413);

        // Huge fields, huge bodies.
        foreach (var (path, limit) in new[] { ("setting.name", 200), ("reporter.name", 200), ("youngPeople[0].name", 200), ("incident.summary", 4000), ("concerns.vulnerabilityNotes", 4000), ("reporter.phone", 40), ("setting.postcode", 20), ("youngPeople[0].reference", 20) })
        {
            yield return Node($"{path} one over {limit} characters", With(path, Words(limit + 1)));
        }

        yield return Node("reporter.email over 254 characters", With("reporter.email", new string('a', 250) + "@s.example"));
        yield return Node("body just over 64 KiB", With("padding", Words(64 * 1024)), 413);
        yield return new HostileRequest("10 MB body", Json, Encoding.UTF8.GetBytes(new string(' ', 10 * 1024 * 1024) + valid), 413);
        yield return new HostileRequest("Content-Length says 10 GB", Json, Encoding.UTF8.GetBytes(valid), 413, 10L * 1024 * 1024 * 1024);
        yield return new HostileRequest("Content-Length understates a 100 KiB body", Json, Encoding.UTF8.GetBytes(With("padding", Words(100 * 1024)).ToJsonString()), 413, 100);

        // Odd Unicode where the contract allows none, written as JSON escapes (a lone surrogate cannot be serialised).
        foreach (var (name, escaped) in new[]
        {
            ("NUL", "Alex\\u0000Example"), ("BEL", "Alex\\u0007Example"), ("ESC sequence", "Alex\\u001b[31mExample"), ("newline in a name", "Alex\\nExample"),
            ("DEL", "Alex\\u007fExample"), ("C1 control", "Alex\\u0085Example"), ("lone high surrogate", "Alex\\ud800Example"), ("lone low surrogate", "\\udc00Alex"),
            ("reversed surrogate pair", "Alex\\udc00\\ud800"),
        })
        {
            yield return Text("unicode " + name + " in youngPeople[0].name", valid.Replace("\"" + YoungPersonName + "\"", "\"" + escaped + "\"", StringComparison.Ordinal));
        }

        yield return Text("unicode lone surrogate escape in an unknown property", valid[..^1] + ",\"x\":\"\\ud800\"}");
        yield return Text("unicode lone surrogate escape as a property name", valid[..^1] + ",\"\\udfff\":1}");
        foreach (var (name, value) in new[]
        {
            ("zero-width space", "Dorset\u200b"), ("Cyrillic o", "D\u043ErSet"), ("lower case", "dorset"), ("fullwidth", "\uff24orset"), ("number", "1"), ("combined flags", "DevonAndCornwall,Dorset"),
            ("right-to-left override", "\u202eDorset"), ("trailing space", "Dorset "),
        })
        {
            yield return Node("forceArea " + name, With("forceArea", value));
        }

        foreach (var (name, value) in new[] { ("fullwidth digits", "\uff12\uff10\uff12\uff16-11-20"), ("Arabic-Indic digits", "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0660"), ("non-breaking hyphen", "2026\u201111\u201120") })
        {
            yield return Node("date with " + name, With("incident.discoveredOn", value));
        }

        yield return Node("email with a homoglyph at sign", With("reporter.email", "dsl\uff20school.example"));

        // Injection strings where they make the value invalid.
        foreach (var (path, value) in new[]
        {
            ("forceArea", "DevonAndCornwall' OR '1'='1"), ("forceArea", "Dorset; DROP TABLE Cases"), ("reporter.role", "{{7*7}}"), ("youngPeople[0].role", "{% raw %}"),
            ("incident.discoveredOn", "2026-11-20'; --"), ("incident.discoveredOn", "$(date)"), ("submissionId", "../../etc/passwd"), ("submissionId", "' or PartitionKey ne '"),
            ("reporter.email", "dsl@school.example<script>alert(1)</script>"), ("reporter.email", "\"><img src=x onerror=alert(1)>@x.example"), ("reporter.email", "a@b.example\r\nBcc: victim@x.example"),
            ("youngPeople[0].parentCarer.email", "sam@family.example,attacker@evil.example"), ("youngPeople[0].parentCarer.email", "Sam <sam@family.example>"),
            ("reporter.name", "Jo\r\nX-Injected: 1"), ("setting.name", "<script>alert(1)</script>\u0000"),
        })
        {
            yield return Node($"injection at {path}: {Visible(value)}", With(path, value));
        }

        // data: URIs and base64 images anywhere (§3.2.3).
        var png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        var base64Image = Convert.ToBase64String(Enumerable.Range(0, 600).Select(i => (byte)(i * 37)).ToArray());
        foreach (var (path, value) in new[]
        {
            ("incident.summary", "See data:image/png;base64," + png), ("incident.summary", "data:image/jpeg;base64," + base64Image),
            ("incident.summary", "DATA:IMAGE/PNG;BASE64," + png), ("incident.summary", "data: ;base64," + png), ("incident.summary", "data:application/octet-stream," + png),
            ("incident.summary", "the picture: " + base64Image), ("concerns.vulnerabilityNotes", base64Image), ("setting.name", "data:image/gif;base64,R0lGOD"),
            ("youngPeople[0].name", "data:image/svg+xml;utf8,<svg/>"), ("reporter.phone", "data:text/html,<script>"),
        })
        {
            yield return Node($"imagery at {path}: {Visible(value)[..Math.Min(30, value.Length)]}", With(path, value));
        }

        yield return Node("base64 image in an unknown property", With("image", base64Image));
        yield return Node("base64 image in an unknown nested array", With("attachments", new JsonArray(new JsonObject { ["content"] = base64Image })));
        yield return Node("base64url image in an adult description", With("adultsInvolved", new JsonArray(new JsonObject { ["description"] = base64Image.Replace('+', '-').Replace('/', '_') })));

        // Impossible dates and dates in the wrong order.
        foreach (var (path, value) in new[]
        {
            ("incident.discoveredOn", "2026-02-30"), ("incident.discoveredOn", "2026-13-01"), ("incident.discoveredOn", "2026-00-10"), ("incident.discoveredOn", "2025-02-29"),
            ("incident.discoveredOn", "0000-01-01"), ("incident.discoveredOn", "1899-12-31"), ("incident.discoveredOn", "9999-12-31"), ("incident.discoveredOn", "2026-11-29"),
            ("incident.discoveredOn", "2026-11-20T00:00:00Z"), ("incident.discoveredOn", "20/11/2026"), ("incident.discoveredOn", "2026-1-2"), ("incident.discoveredOn", "+2026-11-20"),
            ("incident.discoveredOn", "2026-11-20 "), ("incident.discoveredOn", "-0001-01-01"), ("youngPeople[0].dateOfBirth", "2026-11-20"), ("youngPeople[0].dateOfBirth", "2026-11-21"),
            ("youngPeople[0].dateOfBirth", "2011-04-31"), ("youngPeople[0].dateOfBirth", "1066-10-14"), ("youngPeople[0].dateOfBirth", "10000-01-01"),
        })
        {
            yield return Node($"date {path} = {value}", With(path, value));
        }

        yield return Node("date as number", With("incident.discoveredOn", 20261120));

        // Too many (or too few, or ambiguous) people.
        yield return Node("no young people", With("youngPeople", new JsonArray()));
        yield return Node("21 young people", With("youngPeople", People(21)));
        yield return Node("1000 young people (over 64 KiB)", With("youngPeople", People(1000)), 413);
        yield return Node("21 adults", With("adultsInvolved", new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode?)new JsonObject { ["name"] = "Adult " + i }).ToArray())));
        var twins = People(2);
        twins[1]!["reference"] = "yp1";
        yield return Node("two young people with one reference", With("youngPeople", twins));
        var mixed = People(3);
        mixed[2] = "Chris";
        yield return Node("one young person not an object", With("youngPeople", mixed));
    }

    private static JsonArray People(int count) =>
        new(Enumerable.Range(1, count).Select(i => (JsonNode?)ValidReferral.YoungPerson("YP" + i.ToString(CultureInfo.InvariantCulture), "Young Person " + i.ToString(CultureInfo.InvariantCulture))).ToArray());

    private static JsonNode Nest(int depth)
    {
        JsonNode node = 1;
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    /// <summary>Words and spaces (no imagery-like run) of exactly <paramref name="length"/> characters.</summary>
    public static string Words(int length)
    {
        var builder = new StringBuilder(length + 8);
        while (builder.Length < length)
        {
            builder.Append("lorem ");
        }

        return builder.ToString(0, length - 1) + "x";
    }

    private static string Visible(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
