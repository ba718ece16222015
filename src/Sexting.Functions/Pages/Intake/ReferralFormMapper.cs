using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static Sexting.Functions.Pages.Intake.ReferralFormFields;

namespace Sexting.Functions.Pages.Intake;

/// <summary>
/// Maps the referral form onto the JSON of contract §2, so that Core's ReferralParser checks a
/// form exactly as it checks the API, and maps the parser's error keys back to the form's
/// element ids for the error summary. Pure. Blank fields are left out (the parser then says
/// what is required); only the form's own fields are read, so a crafted post cannot add
/// properties the form does not have.
/// </summary>
public static class ReferralFormMapper
{
    /// <summary>The id the error summary links to when an error has no field of its own.</summary>
    public const string FallbackId = "main-content";

    /// <summary>The JSON of contract §2 for posted form fields.</summary>
    public static JsonObject ToJson(IFormCollection form) => ToJson(ReferralFormValues.FromForm(form));

    /// <summary>The JSON of contract §2 for the form's values.</summary>
    public static JsonObject ToJson(ReferralFormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var json = new JsonObject();
        Text(json, "submissionId", values.SubmissionId);
        Text(json, "forceArea", values[ForceArea]);
        json["setting"] = Object(("name", values[SettingName]), ("urn", values[SettingUrn]), ("postcode", values[SettingPostcode]));
        json["reporter"] = Object(("name", values[ReporterName]), ("role", values[ReporterRole]), ("email", values[ReporterEmail]), ("phone", values[ReporterPhone]));

        var incident = Object(("discoveredOn", DateOf(values, DiscoveredOn)), ("summary", values[Summary]));
        incident["sharedBeyondIntendedRecipient"] = values.IsTicked(SharedBeyondIntendedRecipient);
        json["incident"] = incident;

        var people = new JsonArray();
        for (var i = 0; i < values.YoungPeopleCount; i++)
        {
            var person = Object(
                ("name", values[YoungPerson(i, "name")]),
                ("dateOfBirth", DateOf(values, YoungPerson(i, "dateOfBirth"))),
                ("role", values[YoungPerson(i, "role")]),
                ("email", values[YoungPerson(i, "email")]));
            var parent = Object(("name", values[YoungPerson(i, "parentCarer.name")]), ("email", values[YoungPerson(i, "parentCarer.email")]));

            // Radios: "true" or "false"; unanswered is left out (contract §2: default true);
            // anything else goes on as text, which the parser refuses.
            var safe = values[YoungPerson(i, ParentSafeToContact)].Trim();
            if (safe.Length > 0)
            {
                parent["safeToContact"] = safe switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => JsonValue.Create(safe),
                };
            }

            if (parent.Count > 0)
            {
                person["parentCarer"] = parent;
            }

            people.Add(person);
        }

        json["youngPeople"] = people;

        var adults = new JsonArray();
        for (var i = 0; values.Fields.ContainsKey(Adult(i, "name")) || values.Fields.ContainsKey(Adult(i, "description")); i++)
        {
            var adult = Object(("name", values[Adult(i, "name")]), ("description", values[Adult(i, "description")]));
            if (adult.Count > 0)
            {
                adults.Add(adult);
            }
        }

        json["adultsInvolved"] = adults;

        var concerns = new JsonObject();
        foreach (var flag in ConcernFlags)
        {
            concerns[flag["concerns.".Length..]] = values.IsTicked(flag);
        }

        Text(concerns, "vulnerabilityNotes", values[VulnerabilityNotes]);
        Text(concerns, "otherAggravatingFactor", values[OtherAggravatingFactor]);
        json["concerns"] = concerns;
        var imagery = new JsonObject();
        foreach (var flag in ImageryFlags)
        {
            imagery[flag["imageryHandling.".Length..]] = values.IsTicked(flag);
        }

        json["imageryHandling"] = imagery;
        return json;
    }

    /// <summary>
    /// A date from its day, month and year fields: <c>YYYY-MM-DD</c> when real; all blank →
    /// null (left out, so "required"); anything else → the parts as typed joined by dashes,
    /// which the parser reports as not a real date.
    /// </summary>
    public static string? DateOf(ReferralFormValues values, string path)
    {
        ArgumentNullException.ThrowIfNull(values);
        var day = values[path + Day].Trim();
        var month = values[path + Month].Trim();
        var year = values[path + Year].Trim();
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y is >= 1 and <= 9999 ? y : 2000, m))
        {
            return new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return $"{year}-{month}-{day}";
    }

    /// <summary>
    /// The id of the element an error key of the parser (a JSON path) belongs to: the day box
    /// of a date, the first radio of a set, the field itself, else <see cref="FallbackId"/>.
    /// </summary>
    public static string FieldIdFor(string errorKey)
    {
        ArgumentNullException.ThrowIfNull(errorKey);
        if (IsDate(errorKey))
        {
            return Html.IdOf(errorKey + Day);
        }

        if (errorKey is "youngPeople" || errorKey.StartsWith("youngPeople[", StringComparison.Ordinal) && !errorKey.Contains('.', StringComparison.Ordinal))
        {
            var index = errorKey.Length > "youngPeople[".Length ? errorKey["youngPeople[".Length..^1] : "0";
            return Html.IdOf($"youngPeople[{index}].name");
        }

        if (errorKey is "adultsInvolved" || errorKey.StartsWith("adultsInvolved[", StringComparison.Ordinal) && !errorKey.Contains('.', StringComparison.Ordinal))
        {
            return Html.IdOf(Adult(0, "name"));
        }

        return KnownFields.Contains(errorKey) || YoungPersonProperty().IsMatch(errorKey) || AdultProperty().IsMatch(errorKey)
            ? Html.IdOf(errorKey)
            : FallbackId;
    }

    private static readonly HashSet<string> KnownFields =
    [
        ForceArea, SettingName, SettingUrn, SettingPostcode, ReporterName, ReporterRole, ReporterEmail, ReporterPhone,
        DiscoveredOn, Summary, SharedBeyondIntendedRecipient, VulnerabilityNotes, OtherAggravatingFactor,
        .. ConcernFlags, .. ImageryFlags,
    ];

    private static JsonObject Object(params (string Name, string? Value)[] properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            Text(json, name, value);
        }

        return json;
    }

    private static void Text(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value;
        }
    }
}
