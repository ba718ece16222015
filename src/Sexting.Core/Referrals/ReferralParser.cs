using System.Globalization;
using System.Text.Json;
using Sexting.Core.Forces;

namespace Sexting.Core.Referrals;

/// <summary>
/// Parses the JSON of contract §2 into a <see cref="Referral"/>, reporting every error at once,
/// keyed by JSON path. Unknown properties are ignored, but every string anywhere in the
/// document is checked for imagery (§3.2.3) and no object may hold the same key twice (contract §2).
/// </summary>
/// <param name="clock">"Today", for the discovery date.</param>
/// <param name="forces">The configured forces: exactly these are valid <c>forceArea</c> values; the built-in two when not given.</param>
public sealed class ReferralParser(TimeProvider clock, ForceProfiles? forces = null)
{
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Parses UTF-8 or text JSON; malformed JSON is one error at <c>$</c>.</summary>
    public ReferralParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return Failed("$", "The body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // JsonDocument accepts an escaped unpaired surrogate ("\ud800") and throws only when
            // the string or property name is read: bad input, not a fault (contract §2: never a 5xx).
            return Failed("$", "The body holds text that is not valid Unicode (an unpaired surrogate escape).");
        }
    }

    /// <summary>Parses a JSON element.</summary>
    public ReferralParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed("$", "The body must be a JSON object.");
        }

        var errors = new Errors();
        Inspect(root, "", errors);
        var today = UkClock.Today(clock);

        var submissionId = OptionalGuid(root, "submissionId", errors);
        var force = RequiredForce(root, errors);

        var settingElement = RequiredObject(root, "setting", "", errors);
        var setting = settingElement is { } s
            ? new Setting(
                RequiredText(s, "name", "setting.", ReferralLimits.MaxName, errors) ?? "",
                OptionalText(s, "urn", "setting.", ReferralLimits.MaxShortCode, errors),
                OptionalText(s, "postcode", "setting.", ReferralLimits.MaxShortCode, errors))
            : null;

        var reporterElement = RequiredObject(root, "reporter", "", errors);
        var reporter = reporterElement is { } r
            ? new Reporter(
                RequiredText(r, "name", "reporter.", ReferralLimits.MaxName, errors) ?? "",
                OptionalEnum<ReporterRole>(r, "role", "reporter.", errors) ?? ReporterRole.Other,
                RequiredEmail(r, "email", "reporter.", errors) ?? "",
                OptionalText(r, "phone", "reporter.", ReferralLimits.MaxPhone, errors))
            : null;

        var incidentElement = RequiredObject(root, "incident", "", errors);
        Incident? incident = null;
        if (incidentElement is { } i)
        {
            var discoveredOn = RequiredDate(i, "discoveredOn", "incident.", errors);
            if (discoveredOn is { } d && d > today)
            {
                errors.Add("incident.discoveredOn", "The date discovered cannot be in the future.");
                discoveredOn = null;
            }

            var summary = RequiredText(i, "summary", "incident.", ReferralLimits.MaxSummary, errors, multiline: true);
            var shared = OptionalBool(i, "sharedBeyondIntendedRecipient", "incident.", errors);
            if (discoveredOn is { } on && summary is not null)
            {
                incident = new Incident(on, summary, shared);
            }
        }

        var youngPeople = ParseYoungPeople(root, incident?.DiscoveredOn, errors);
        var adults = ParseAdults(root, errors);
        var concerns = ParseConcerns(root, errors);
        var imagery = ParseImageryHandling(root, errors);

        if (errors.Count > 0 || force is null || setting is null || reporter is null || incident is null)
        {
            return new ReferralParseResult(null, errors.ToDictionary());
        }

        return new ReferralParseResult(
            new Referral(submissionId, force.Value, setting, reporter, incident, youngPeople, adults, concerns, imagery),
            errors.ToDictionary());
    }

    private static List<YoungPerson> ParseYoungPeople(JsonElement root, DateOnly? discoveredOn, Errors errors)
    {
        var people = new List<YoungPerson>();
        if (!root.TryGetProperty("youngPeople", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add("youngPeople", "Required.");
            return people;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("youngPeople", "Must be a list of young people.");
            return people;
        }

        var count = array.GetArrayLength();
        if (count == 0)
        {
            errors.Add("youngPeople", "Give at least one young person.");
        }
        else if (count > ReferralLimits.MaxYoungPeople)
        {
            errors.Add("youngPeople", $"At most {ReferralLimits.MaxYoungPeople} young people in one referral.");
            return people;
        }

        var references = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"youngPeople[{index}]";
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Must be an object.");
                continue;
            }

            var prefix = path + ".";
            var reference = OptionalText(element, "reference", prefix, ReferralLimits.MaxReference, errors) ?? $"YP{index}";
            if (!references.Add(reference))
            {
                errors.Add(prefix + "reference", "Each young person needs a different reference.");
            }

            var name = RequiredText(element, "name", prefix, ReferralLimits.MaxName, errors);
            var dateOfBirth = RequiredDate(element, "dateOfBirth", prefix, errors);
            if (dateOfBirth is { } dob && discoveredOn is { } on && dob >= on)
            {
                errors.Add(prefix + "dateOfBirth", "The date of birth must be before the date the incident was discovered.");
                dateOfBirth = null;
            }

            var role = OptionalEnum<YoungPersonRole>(element, "role", prefix, errors) ?? YoungPersonRole.Other;
            var email = OptionalEmail(element, "email", prefix, errors);
            ParentCarer? parent = null;
            if (OptionalObject(element, "parentCarer", prefix, errors) is { } p)
            {
                var parentName = OptionalText(p, "name", prefix + "parentCarer.", ReferralLimits.MaxName, errors);
                var parentEmail = OptionalEmail(p, "email", prefix + "parentCarer.", errors);

                // Contract §2: safeToContact defaults to true; false is kept even without a name or
                // email, so the youth team is told not to contact the parent or carer (UKCIS 2024).
                var safe = OptionalBool(p, "safeToContact", prefix + "parentCarer.", errors, defaultValue: true);
                parent = parentName is null && parentEmail is null && safe
                    ? null
                    : new ParentCarer(parentName, parentEmail) { SafeToContact = safe };
            }

            if (name is not null && dateOfBirth is { } born && discoveredOn is { } discovered)
            {
                people.Add(new YoungPerson(reference, name, born, Age.InWholeYears(born, discovered), role, email, parent));
            }
        }

        return people;
    }

    private static List<AdultInvolved> ParseAdults(JsonElement root, Errors errors)
    {
        var adults = new List<AdultInvolved>();
        if (!root.TryGetProperty("adultsInvolved", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return adults;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("adultsInvolved", "Must be a list.");
            return adults;
        }

        if (array.GetArrayLength() > ReferralLimits.MaxAdults)
        {
            errors.Add("adultsInvolved", $"At most {ReferralLimits.MaxAdults} adults in one referral.");
            return adults;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"adultsInvolved[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Must be an object with a name or a description.");
                continue;
            }

            var name = OptionalText(element, "name", path + ".", ReferralLimits.MaxName, errors);
            var description = OptionalText(element, "description", path + ".", ReferralLimits.MaxDescription, errors, multiline: true);
            if (name is null && description is null)
            {
                errors.Add(path, "Give a name or a description of the adult.");
                continue;
            }

            adults.Add(new AdultInvolved(name, description));
        }

        return adults;
    }

    private static Concerns ParseConcerns(JsonElement root, Errors errors)
    {
        if (OptionalObject(root, "concerns", "", errors) is not { } c)
        {
            return Concerns.None;
        }

        const string P = "concerns.";
        return new Concerns(
            OptionalBool(c, "coercionOrBlackmail", P, errors),
            OptionalBool(c, "grooming", P, errors),
            OptionalBool(c, "exploitation", P, errors),
            OptionalBool(c, "profitMotive", P, errors),
            OptionalBool(c, "intentToHarmOrViolence", P, errors),
            OptionalBool(c, "repeatBehaviour", P, errors),
            OptionalBool(c, "significantAgeImbalance", P, errors),
            OptionalBool(c, "immediateRiskOfHarm", P, errors),
            OptionalText(c, "vulnerabilityNotes", P, ReferralLimits.MaxNotes, errors, multiline: true) ?? string.Empty)
        {
            // UKCIS 2024 initial review; §3.5.2 "not exhaustive".
            CapacityToConsent = OptionalBool(c, "capacityToConsent", P, errors),
            AtypicalOrViolentActs = OptionalBool(c, "atypicalOrViolentActs", P, errors),
            OtherAggravatingFactor = OptionalText(c, "otherAggravatingFactor", P, ReferralLimits.MaxOtherFactor, errors, multiline: true) ?? string.Empty,
        };
    }

    private static ImageryHandling ParseImageryHandling(JsonElement root, Errors errors)
    {
        if (OptionalObject(root, "imageryHandling", "", errors) is not { } h)
        {
            return ImageryHandling.None;
        }

        const string P = "imageryHandling.";
        return new ImageryHandling(OptionalBool(h, "viewedBySetting", P, errors), OptionalBool(h, "copiedOrStoredBySetting", P, errors))
        {
            PseudoOrGeneratedImagery = OptionalBool(h, "pseudoOrGeneratedImagery", P, errors),
            ParentsInformedBySetting = OptionalBool(h, "parentsInformedBySetting", P, errors),
        };
    }

    // Every string is checked for imagery (§3.2.3), and every object for a key given twice: JSON
    // readers differ on which of two values wins, so a duplicate is refused (contract §2), not taken last-wins.
    private static void Inspect(JsonElement element, string path, Errors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!names.Add(property.Name))
                    {
                        errors.Add(propertyPath, "This key is given more than once; give each key once.");
                        continue;
                    }

                    Inspect(property.Value, propertyPath, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Inspect(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String when ImageryDetector.LooksLikeImagery(element.GetString()!):
                // §3.2.3: never take a copy of the imagery.
                errors.Add(path, "Images must never be attached, copied or sent, even encoded as text (SA028 §3.2.3).");
                break;
        }
    }

    private static JsonElement? RequiredObject(JsonElement parent, string name, string prefix, Errors errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(prefix + name, "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix + name, "Must be an object.");
            return null;
        }

        return value;
    }

    private static JsonElement? OptionalObject(JsonElement parent, string name, string prefix, Errors errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix + name, "Must be an object.");
            return null;
        }

        return value;
    }

    private static string? RequiredText(JsonElement parent, string name, string prefix, int maxLength, Errors errors, bool multiline = false)
    {
        var text = OptionalText(parent, name, prefix, maxLength, errors, multiline, out var missing);
        if (missing)
        {
            errors.Add(prefix + name, "Required.");
        }

        return text;
    }

    private static string? OptionalText(JsonElement parent, string name, string prefix, int maxLength, Errors errors, bool multiline = false) =>
        OptionalText(parent, name, prefix, maxLength, errors, multiline, out _);

    // missing: true when the value is absent, null or blank, as opposed to present but wrong.
    private static string? OptionalText(JsonElement parent, string name, string prefix, int maxLength, Errors errors, bool multiline, out bool missing)
    {
        missing = false;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            missing = true;
            return null;
        }

        var path = prefix + name;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "Must be text.");
            return null;
        }

        var text = TextRules.TrimOrdinary(value.GetString()!);
        if (text.Length == 0)
        {
            missing = true;
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(path, $"Must be at most {maxLength} characters.");
            return null;
        }

        // Contract §2: control, format (zero-width, bidirectional) and separator characters are refused.
        if (!TextRules.IsAllowed(text, multiline))
        {
            errors.Add(path, TextRules.MessageFor(multiline));
            return null;
        }

        return text;
    }

    private static bool OptionalBool(JsonElement parent, string name, string prefix, Errors errors, bool defaultValue = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(prefix + name, "Must be true or false.");
        return defaultValue;
    }

    // Contract §2: DevonAndCornwall, Dorset, or any force configured under Forces: (§1), spelt exactly.
    private ForceArea? RequiredForce(JsonElement root, Errors errors)
    {
        if (!root.TryGetProperty("forceArea", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add("forceArea", "Required.");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && _forces.TryFind(value.GetString(), out var profile))
        {
            return profile.Force;
        }

        errors.Add("forceArea", $"Must be one of: {string.Join(", ", _forces.All.Select(p => p.Force.Name))}.");
        return null;
    }

    private static Guid? OptionalGuid(JsonElement parent, string name, Errors errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Guid.TryParseExact(value.GetString(), "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors.Add(name, "Must be a GUID such as 3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60.");
        return null;
    }

    private static TEnum? OptionalEnum<TEnum>(JsonElement parent, string name, string prefix, Errors errors)
        where TEnum : struct, Enum
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Names only, exactly as the contract spells them: no numbers, no other casing.
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<TEnum>(text);
        }

        errors.Add(prefix + name, $"Must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    private static DateOnly? RequiredDate(JsonElement parent, string name, string prefix, Errors errors)
    {
        var path = prefix + name;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
        {
            errors.Add(path, "Required.");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1900)
        {
            return date;
        }

        errors.Add(path, "Must be a real date written YYYY-MM-DD.");
        return null;
    }

    private static string? RequiredEmail(JsonElement parent, string name, string prefix, Errors errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0))
        {
            errors.Add(prefix + name, "Required.");
            return null;
        }

        return OptionalEmail(parent, name, prefix, errors);
    }

    private static string? OptionalEmail(JsonElement parent, string name, string prefix, Errors errors)
    {
        var before = errors.Count;
        var text = OptionalText(parent, name, prefix, ReferralLimits.MaxEmail, errors);
        if (text is null || errors.Count > before)
        {
            return null;
        }

        if (!EmailAddresses.IsValid(text))
        {
            errors.Add(prefix + name, "Must be an email address such as name@school.example.");
            return null;
        }

        return text;
    }

    private static ReferralParseResult Failed(string path, string message) =>
        new(null, new Dictionary<string, string[]> { [path] = [message] });

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public int Count => _errors.Count;

        public void Add(string path, string message)
        {
            if (!_errors.TryGetValue(path, out var list))
            {
                _errors[path] = list = [];
            }

            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
