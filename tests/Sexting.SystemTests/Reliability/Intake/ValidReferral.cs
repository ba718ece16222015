using System.Text.Json.Nodes;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>A valid referral of contract §2 (fictional people, <c>.example</c> domains) to break in one place at a time.</summary>
public static class ValidReferral
{
    public const string ReporterName = "Jo Reliabilityreporter";
    public const string ReporterEmail = "dsl@reliability-school.example";
    public const string YoungPersonName = "Alex Reliabilitypupil";
    public const string ParentName = "Sam Reliabilityparent";
    public const string ParentEmail = "sam@reliability-family.example";
    public const string Summary = "Reliability summary: a picture was passed between two pupils in the library.";

    /// <summary>Strings that must never appear in a log.</summary>
    public static readonly string[] Personal = [ReporterName, ReporterEmail, YoungPersonName, ParentName, ParentEmail, Summary, "Reliabilitypupil", "reliability-family"];

    public static JsonObject Node(Guid? submissionId = null) => new()
    {
        ["submissionId"] = submissionId?.ToString("D"),
        ["forceArea"] = "DevonAndCornwall",
        ["setting"] = new JsonObject { ["name"] = "Reliability Academy", ["urn"] = "123456", ["postcode"] = "EX1 1AA" },
        ["reporter"] = new JsonObject { ["name"] = ReporterName, ["role"] = "DesignatedSafeguardingLead", ["email"] = ReporterEmail, ["phone"] = "01392 000000" },
        ["incident"] = new JsonObject { ["discoveredOn"] = "2026-11-20", ["summary"] = Summary, ["sharedBeyondIntendedRecipient"] = false },
        ["youngPeople"] = new JsonArray(YoungPerson("YP1", YoungPersonName)),
        ["adultsInvolved"] = new JsonArray(),
        ["concerns"] = new JsonObject
        {
            ["coercionOrBlackmail"] = false, ["grooming"] = false, ["exploitation"] = false, ["profitMotive"] = false,
            ["intentToHarmOrViolence"] = false, ["repeatBehaviour"] = false, ["significantAgeImbalance"] = false,
            ["immediateRiskOfHarm"] = false, ["vulnerabilityNotes"] = "",
        },
        ["imageryHandling"] = new JsonObject { ["viewedBySetting"] = false, ["copiedOrStoredBySetting"] = false },
    };

    public static JsonObject YoungPerson(string reference, string name, string dateOfBirth = "2011-05-01") => new()
    {
        ["reference"] = reference,
        ["name"] = name,
        ["dateOfBirth"] = dateOfBirth,
        ["role"] = "Sender",
        ["email"] = null,
        ["parentCarer"] = new JsonObject { ["name"] = ParentName, ["email"] = ParentEmail },
    };

    public static string Json(Guid? submissionId = null) => Node(submissionId).ToJsonString();

    /// <summary>Every path of the document with a string, number or boolean value, and what kind it is.</summary>
    public static readonly (string Path, Kind Kind, bool Required)[] Fields =
    [
        ("forceArea", Kind.Enum, true),
        ("setting.name", Kind.Text, true),
        ("setting.urn", Kind.Text, false),
        ("setting.postcode", Kind.Text, false),
        ("reporter.name", Kind.Text, true),
        ("reporter.role", Kind.Enum, false),
        ("reporter.email", Kind.Email, true),
        ("reporter.phone", Kind.Text, false),
        ("incident.discoveredOn", Kind.Date, true),
        ("incident.summary", Kind.Text, true),
        ("incident.sharedBeyondIntendedRecipient", Kind.Bool, false),
        ("youngPeople[0].reference", Kind.Text, false),
        ("youngPeople[0].name", Kind.Text, true),
        ("youngPeople[0].dateOfBirth", Kind.Date, true),
        ("youngPeople[0].role", Kind.Enum, false),
        ("youngPeople[0].parentCarer.name", Kind.Text, false),
        ("youngPeople[0].parentCarer.email", Kind.Email, false),
        ("concerns.grooming", Kind.Bool, false),
        ("concerns.immediateRiskOfHarm", Kind.Bool, false),
        ("concerns.vulnerabilityNotes", Kind.Text, false),
        ("imageryHandling.viewedBySetting", Kind.Bool, false),
    ];

    /// <summary>Replaces (or with <paramref name="remove"/> deletes) the value at a path such as <c>youngPeople[0].name</c>.</summary>
    public static JsonObject With(string path, JsonNode? value, bool remove = false, JsonObject? root = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        root ??= Node();
        var parts = path.Split('.');
        JsonNode parent = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            parent = Step(parent, parts[i]);
        }

        var last = parts[^1];
        var obj = last.Contains('[', StringComparison.Ordinal) ? throw new ArgumentException("A path ends in a property.", nameof(path)) : parent.AsObject();
        if (remove)
        {
            obj.Remove(last);
        }
        else
        {
            obj[last] = value;
        }

        return root;
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[part]!;
        }

        var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[part[..bracket]]![index]!;
    }

    public enum Kind
    {
        Text,
        Email,
        Date,
        Enum,
        Bool,
    }
}
