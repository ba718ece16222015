using System.Text.RegularExpressions;

namespace Sexting.Functions.Pages.Intake;

/// <summary>
/// The referral form's field names: JSON paths of contract §2, so a posted form maps onto the
/// same JSON (<c>setting.name</c>, <c>youngPeople[0].name</c>); a date is three fields with
/// <c>-day</c>, <c>-month</c> and <c>-year</c> after its path; a concern is <c>concerns.grooming=true</c>.
/// </summary>
public static partial class ReferralFormFields
{
    public const string SubmissionId = "submissionId";
    public const string ForceArea = "forceArea";
    public const string SettingName = "setting.name";
    public const string SettingUrn = "setting.urn";
    public const string SettingPostcode = "setting.postcode";
    public const string ReporterName = "reporter.name";
    public const string ReporterRole = "reporter.role";
    public const string ReporterEmail = "reporter.email";
    public const string ReporterPhone = "reporter.phone";
    public const string DiscoveredOn = "incident.discoveredOn";
    public const string Summary = "incident.summary";
    public const string SharedBeyondIntendedRecipient = "incident.sharedBeyondIntendedRecipient";
    public const string VulnerabilityNotes = "concerns.vulnerabilityNotes";
    public const string OtherAggravatingFactor = "concerns.otherAggravatingFactor";
    public const string ViewedBySetting = "imageryHandling.viewedBySetting";
    public const string CopiedOrStoredBySetting = "imageryHandling.copiedOrStoredBySetting";
    public const string PseudoOrGeneratedImagery = "imageryHandling.pseudoOrGeneratedImagery";
    public const string ParentsInformedBySetting = "imageryHandling.parentsInformedBySetting";

    /// <summary>A young person's property: whether it is safe to contact their parent or carer (radios, <c>true</c> or <c>false</c>; unanswered is true).</summary>
    public const string ParentSafeToContact = "parentCarer.safeToContact";

    /// <summary>Suffixes of a date's three fields.</summary>
    public const string Day = "-day", Month = "-month", Year = "-year";

    /// <summary>
    /// The concern checkboxes, each a boolean of contract §2: first the questions of the UKCIS 2024
    /// initial review in its order (coercion, blackmail or grooming; capacity to consent; unusual or
    /// violent acts; immediate risk of harm), then the further aggravating factors of SA028 §3.5.2.
    /// </summary>
    public static IReadOnlyList<string> ConcernFlags { get; } =
    [
        "concerns.coercionOrBlackmail",
        "concerns.grooming",
        "concerns.capacityToConsent",
        "concerns.atypicalOrViolentActs",
        "concerns.immediateRiskOfHarm",
        "concerns.significantAgeImbalance",
        "concerns.repeatBehaviour",
        "concerns.intentToHarmOrViolence",
        "concerns.profitMotive",
        "concerns.exploitation",
    ];

    /// <summary>The imagery checkboxes (§3.2.3; UKCIS 2024).</summary>
    public static IReadOnlyList<string> ImageryFlags { get; } = [ViewedBySetting, CopiedOrStoredBySetting, PseudoOrGeneratedImagery, ParentsInformedBySetting];

    /// <summary>Every boolean of the form: ticked sends <c>true</c>, unticked sends nothing.</summary>
    public static IReadOnlyList<string> Flags { get; } =
        [SharedBeyondIntendedRecipient, .. ConcernFlags, .. ImageryFlags];

    /// <summary>The field name of a young person's property: <c>youngPeople[2].name</c>.</summary>
    public static string YoungPerson(int index, string property) => $"youngPeople[{index}].{property}";

    /// <summary>The field name of an adult's property: <c>adultsInvolved[0].description</c>.</summary>
    public static string Adult(int index, string property) => $"adultsInvolved[{index}].{property}";

    /// <summary>Whether a JSON path is a date (three fields in the form).</summary>
    public static bool IsDate(string path) => path == DiscoveredOn || YoungPersonProperty().Match(path) is { Success: true } m && m.Groups[2].Value == "dateOfBirth";

    /// <summary>Whether a JSON path is a set of radios (its first radio carries the field's id).</summary>
    public static bool IsRadios(string path) => path is ForceArea or ReporterRole || YoungPersonProperty().Match(path) is { Success: true } m && m.Groups[2].Value is "role" or ParentSafeToContact;

    [GeneratedRegex(@"^youngPeople\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex YoungPersonProperty();

    [GeneratedRegex(@"^adultsInvolved\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex AdultProperty();
}
