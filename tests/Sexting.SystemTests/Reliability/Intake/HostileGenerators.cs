using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using static Sexting.SystemTests.Reliability.Intake.ValidReferral;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>
/// FsCheck generators of hostile intake requests (issue 10, item 1, generated): arbitrary text and
/// bytes, and a valid referral broken in one random way at a random place. Each generated request
/// is invalid by construction, so each must be refused.
/// </summary>
public static class HostileGenerators
{
    private static readonly string ValidText = ValidReferral.Json();

    /// <summary>A hostile request and, where the breakage has one, the JSON path its error must name.</summary>
    public sealed record Case(HostileRequest Request, string? ErrorPath)
    {
        public override string ToString() => Request.Name + (ErrorPath is null ? "" : " @" + ErrorPath);
    }

    /// <summary>Arbitrary text (FsCheck's string generator, nulls and all), posted as JSON.</summary>
    public static Arbitrary<Case> ArbitraryText() =>
        ArbMap.Default.GeneratorFor<string>()
            .Select(s => new Case(new HostileRequest("text " + Escape(s ?? ""), "application/json", Encoding.UTF8.GetBytes(s ?? "")), null))
            .ToArbitrary();

    /// <summary>Arbitrary bytes, posted as JSON.</summary>
    public static Arbitrary<Case> ArbitraryBytes() =>
        ArbMap.Default.GeneratorFor<byte[]>()
            .Select(b => new Case(new HostileRequest("bytes " + Convert.ToHexString(b ?? []), "application/json", b ?? []), null))
            .ToArbitrary();

    /// <summary>One field of a valid referral given a value of the wrong type, a null or nothing (required fields), or text out of its domain.</summary>
    public static Arbitrary<Case> OneFieldBroken() =>
        (from field in Gen.Elements(Fields)
         from breakage in BreakageFor(field.Kind, field.Required, field.Path)
         select breakage(field.Path)).ToArbitrary();

    /// <summary>A valid referral cut short at a random point.</summary>
    public static Arbitrary<Case> Truncated() =>
        Gen.Choose(0, ValidText.Length - 2)
            .Select(at => new Case(new HostileRequest($"truncated at {at}", "application/json", Encoding.UTF8.GetBytes(ValidText[..at]), 400), "$"))
            .ToArbitrary();

    /// <summary>An encoded image (data: URI or bare base64 of random bytes) put into a random text field (§3.2.3).</summary>
    public static Arbitrary<Case> ImageryInserted() =>
        (from field in Gen.Elements(Fields.Where(f => f.Kind == ValidReferral.Kind.Text).Select(f => f.Path).ToArray())
         from length in Gen.Choose(150, 2000)
         from seed in Gen.Choose(0, int.MaxValue)
         from form in Gen.Elements("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/heic;base64,", "data:;base64,", "Data:Image/Webp;Base64,", "")
         from urlSafe in Gen.Elements(false, true)
         select Imagery(field, length, seed, form, urlSafe)).ToArbitrary();

    /// <summary>A byte that is never valid UTF-8 put into a valid referral at a random place.</summary>
    public static Arbitrary<Case> InvalidUtf8() =>
        (from at in Gen.Choose(0, Encoding.UTF8.GetByteCount(ValidText))
         from bad in Gen.Elements<byte>(0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF, 0x80, 0xBF)
         select InsertByte(at, bad)).ToArbitrary();

    /// <summary>Too many young people or adults: from one over the limit to far over it.</summary>
    public static Arbitrary<Case> TooManyPeople() =>
        (from count in Gen.Choose(21, 400)
         from adults in Gen.Elements(false, true)
         select Crowd(count, adults)).ToArbitrary();

    private static Gen<Func<string, Case>> BreakageFor(ValidReferral.Kind kind, bool required, string path)
    {
        var wrongType = Gen.Elements<Func<JsonNode?>>(
                () => 7, () => -1.5, () => true, () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, 2))
            .Where(_ => true)
            .Select(make => (Func<string, Case>)(p => Broken($"wrong type at {p}", With(p, kind == ValidReferral.Kind.Bool && make() is JsonValue v && v.TryGetValue<bool>(out _) ? "yes" : make()), p)));
        var missing = Gen.Elements<Func<string, Case>>(
            p => Broken($"null {p}", With(p, null), p),
            p => Broken($"missing {p}", With(p, null, remove: true), p),
            p => Broken($"blank {p}", With(p, "  \t "), p));
        var outOfDomain = kind switch
        {
            ValidReferral.Kind.Text => Gen.Choose(1, 600).Select(extra => (Func<string, Case>)(p => Broken($"{p} {extra} over its limit", With(p, HostileReferrals.Words(LimitOf(p) + extra)), p))),
            ValidReferral.Kind.Email => Text().Select(t => (Func<string, Case>)(p => Broken($"{p} = {Escape(t)}", With(p, "x" + t.Replace("@", "", StringComparison.Ordinal) + " at school.example"), p))),
            ValidReferral.Kind.Date => Text().Select(t => (Func<string, Case>)(p => Broken($"{p} = {Escape(t)}", With(p, "d" + t), p))),
            ValidReferral.Kind.Enum => Text().Select(t => (Func<string, Case>)(p => Broken($"{p} = {Escape(t)}", With(p, "Not" + t), p))),
            _ => Text().Select(t => (Func<string, Case>)(p => Broken($"{p} = {Escape(t)}", With(p, t), p))),
        };
        return required ? Gen.OneOf(wrongType, missing, outOfDomain) : Gen.OneOf(wrongType, outOfDomain);
    }

    private static Gen<string> Text() => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static Case Broken(string name, JsonNode node, string path) =>
        new(new HostileRequest(name, "application/json", Encoding.UTF8.GetBytes(node.ToJsonString()), node.ToJsonString().Length > 64 * 1024 ? 413 : 400), path);

    private static int LimitOf(string path) => path switch
    {
        "setting.urn" or "setting.postcode" or "youngPeople[0].reference" => 20,
        "reporter.phone" => 40,
        "incident.summary" or "concerns.vulnerabilityNotes" => 4000,
        _ => 200,
    };

    private static Case Imagery(string path, int length, int seed, string form, bool urlSafe)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var encoded = Convert.ToBase64String(bytes);
        if (urlSafe)
        {
            encoded = encoded.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }

        var value = "the photo " + form + encoded;
        return Broken($"imagery ({form}{length} bytes{(urlSafe ? ", base64url" : "")}) at {path}", With(path, value), path);
    }

    private static Case InsertByte(int at, byte bad)
    {
        var bytes = Encoding.UTF8.GetBytes(ValidText).ToList();
        bytes.Insert(at, bad);
        return new Case(new HostileRequest($"byte {bad:X2} at {at}", "application/json", bytes.ToArray(), 400), "$");
    }

    private static Case Crowd(int count, bool adults)
    {
        var people = new JsonArray(Enumerable.Range(1, count).Select(i => adults
            ? (JsonNode?)new JsonObject { ["name"] = "Adult " + i.ToString(CultureInfo.InvariantCulture) }
            : YoungPerson("YP" + i.ToString(CultureInfo.InvariantCulture), "Young Person " + i.ToString(CultureInfo.InvariantCulture))).ToArray());
        var path = adults ? "adultsInvolved" : "youngPeople";
        return Broken($"{count} {path}", With(path, people), path);
    }

    private static string Escape(string value) =>
        value.Length > 60 ? Escape(value[..60]) + "…" : string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
}
