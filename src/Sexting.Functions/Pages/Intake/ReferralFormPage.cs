using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Functions.Pages.Components;
using static Sexting.Functions.Pages.Intake.ReferralFormFields;

namespace Sexting.Functions.Pages.Intake;

/// <summary>
/// The school's referral form (contract §2, §8): GET /api/form, and the same form again with an
/// error summary when POST /api/referrals finds problems. There is no file input anywhere:
/// images are never accepted (§3.2.3). Posts form-encoded to /api/referrals. The concerns are
/// asked in the order and plain words of the UKCIS initial review (2020, updated March 2024; see
/// docs/assessment.md), then the further factors of SA028 §3.5.2. Every configured force is offered.
/// </summary>
public sealed class ReferralFormPage(PageLayout layout, ForceProfiles? forces = null)
{
    // The areas of the two Alliance forces; a configured force is named by its display name alone.
    private static readonly Dictionary<string, string> AreaHints = new(StringComparer.Ordinal)
    {
        [nameof(Core.Referrals.ForceArea.DevonAndCornwall)] = "Devon, Cornwall and the Isles of Scilly",
        [nameof(Core.Referrals.ForceArea.Dorset)] = "Dorset, Bournemouth, Christchurch and Poole",
    };

    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    /// <summary>The page's title (no personal data).</summary>
    public const string Title = "Report an incident of youth produced sexual imagery";

    /// <summary>Where the form posts (contract §2).</summary>
    public const string Action = "/api/referrals";

    /// <summary>Where the no-JavaScript "Add another young person" button posts the form back.</summary>
    public const string AddYoungPersonAction = "/api/form";

    /// <summary>The form, with the values given and the parser's errors (keyed by JSON path) shown.</summary>
    public string Render(ReferralFormValues values, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        errors ??= new Dictionary<string, string[]>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? ErrorOf(string key)
        {
            if (!errors.TryGetValue(key, out var messages) || messages.Length == 0)
            {
                return null;
            }

            used.Add(key);
            return Describe(key, messages[0]);
        }

        var form = new FormFields(name => values[name], ErrorOf);
        var fields = Fields(form, _forces, values.YoungPeopleCount, out var youngPeople);

        // Errors no field shows (such as a submission id altered by hand) still reach the summary.
        foreach (var (key, messages) in errors.Where(e => !used.Contains(e.Key) && e.Value.Length > 0).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            form.AddError(ReferralFormMapper.FieldIdFor(key), Describe(key, messages[0]));
        }

        var model = new Model(Title, _forces.DisplayNames, Action, SubmissionId, values.SubmissionId, form.Errors, fields, youngPeople, ReferralLimits.MaxYoungPeople,
            values.YoungPeopleCount < ReferralLimits.MaxYoungPeople ? $"{AddYoungPersonAction}?people={values.YoungPeopleCount + 1}" : null);
        return layout.Render(Title, nameof(ReferralFormPage), model, form.HasErrors);
    }

    /// <summary>What <c>ReferralFormPage.liquid</c> shows: the fields by key, in the order the template shows them.</summary>
    internal sealed record Model(string Title, string Forces, string Action, string SubmissionIdField, string SubmissionId, IReadOnlyList<ErrorLink> Errors,
        IReadOnlyDictionary<string, FieldView> Fields, IReadOnlyList<YoungPersonView> YoungPeople, int MaxYoungPeople, string? AddYoungPersonAction);

    /// <summary>One young person's section of the form.</summary>
    internal sealed record YoungPersonView(string Id, int Number, bool Removable, FieldView Name, FieldView DateOfBirth, FieldView Role, FieldView Email,
        FieldView ParentName, FieldView ParentEmail, FieldView ParentSafeToContact);

    // Built in the order the template shows them, so the error summary lists them in that order.
    private static Dictionary<string, FieldView> Fields(FormFields form, ForceProfiles forces, int youngPeopleCount, out IReadOnlyList<YoungPersonView> youngPeople)
    {
        var fields = new Dictionary<string, FieldView>(StringComparer.Ordinal)
        {
            ["forceArea"] = form.Radios(ReferralFormFields.ForceArea, "Which police force covers your school or college?", null,
                [.. forces.All.Select(p => (p.Force.Name, p.DisplayName, AreaHints.GetValueOrDefault(p.Force.Name)))],
                legendClass: "govuk-fieldset__legend--m"),
            ["settingName"] = form.TextInput(SettingName, "Name of the school or college", autocomplete: "organization", spellcheck: false, maxLength: ReferralLimits.MaxName),
            ["settingUrn"] = form.TextInput(SettingUrn, "Unique reference number (URN) (optional)", "The 6-digit number from Get Information about Schools", widthClass: "govuk-input--width-10", maxLength: ReferralLimits.MaxShortCode),
            ["settingPostcode"] = form.TextInput(SettingPostcode, "Postcode (optional)", autocomplete: "postal-code", widthClass: "govuk-input--width-10", maxLength: ReferralLimits.MaxShortCode),
            ["reporterName"] = form.TextInput(ReporterName, "Your full name", autocomplete: "name", maxLength: ReferralLimits.MaxName),
            ["reporterRole"] = form.Radios(ReferralFormFields.ReporterRole, "Your role", null,
            [
                (nameof(Core.Referrals.ReporterRole.DesignatedSafeguardingLead), "Designated safeguarding lead", null),
                (nameof(Core.Referrals.ReporterRole.DeputySafeguardingLead), "Deputy safeguarding lead", null),
                (nameof(Core.Referrals.ReporterRole.Headteacher), "Headteacher", null),
                (nameof(Core.Referrals.ReporterRole.Teacher), "Teacher", null),
                (nameof(Core.Referrals.ReporterRole.Other), "Other", null),
            ]),
            ["reporterEmail"] = form.TextInput(ReporterEmail, "Your work email address", "We will send the crime reference and advice to this address", type: "email", autocomplete: "email", maxLength: ReferralLimits.MaxEmail),
            ["reporterPhone"] = form.TextInput(ReporterPhone, "Your phone number (optional)", type: "tel", autocomplete: "tel", widthClass: "govuk-input--width-20", maxLength: ReferralLimits.MaxPhone),
            ["discoveredOn"] = form.DateInput(DiscoveredOn, "When did the school or college find out?", "For example, 27 3 2026"),
            ["summary"] = form.Textarea(Summary, "Describe what happened",
                $"Who was involved, what was shared and how, and what the school or college has done so far. Do not describe the image in detail. You can enter up to {ReferralLimits.MaxSummary} characters.",
                ReferralLimits.MaxSummary, rows: 8),
            ["shared"] = form.Checkboxes("How far was it shared?", null,
            [
                (SharedBeyondIntendedRecipient, "It has been shared beyond the person it was first sent to", "For example forwarded, posted in a group chat or put online"),
            ]),
        };

        youngPeople = [.. Enumerable.Range(0, youngPeopleCount).Select(i => YoungPersonSection(form, i, youngPeopleCount))];

        fields["adultName"] = form.TextInput(Adult(0, "name"), "Name of the adult (optional)", maxLength: ReferralLimits.MaxName);
        fields["adultDescription"] = form.Textarea(Adult(0, "description"), "What you know about the adult (optional)", "For example their age, role, or how they know the young people", ReferralLimits.MaxDescription, rows: 3);
        fields["concernsAggravating"] = form.Checkboxes("From what you know so far, do any of these apply?", "Select all that apply. Any of them means the police will investigate rather than close the case with education (UKCIS 2024, initial review; SA028 3.5.2).",
        [
            ("concerns.coercionOrBlackmail", "A young person has been pressured, threatened or blackmailed", "Coercion or blackmail (SA028 3.5.2: “Blackmail/ coercion”)"),
            ("concerns.grooming", "A young person may have been groomed", "Someone building a relationship or trust to obtain images (SA028 3.5.2)"),
            ("concerns.capacityToConsent", "There are concerns about a young person’s capacity to consent", "For example because of special educational needs (UKCIS 2024, initial review)"),
            ("concerns.atypicalOrViolentActs", "The images or videos show sexual acts that are unusual for the young person’s developmental stage, or are violent", "From what you have been told: do not look at the images to find out (UKCIS 2024, initial review)"),
        ], groupId: "concerns-aggravating");
        fields["concernsSafeguarding"] = form.Checkboxes("Is a young person at risk now?", "At the point of reporting the police must know whether safeguarding action is needed now (SA028 3.2.2).",
        [
            ("concerns.immediateRiskOfHarm", "A young person is at immediate risk of harm because of the sharing", "For example they are presenting as suicidal or self-harming. We will alert a safeguarding expert at once. If a child is in immediate danger, call 999."),
        ], groupId: "concerns-safeguarding");
        fields["concernsFurther"] = form.Checkboxes("Do any of these other aggravating factors apply?", "Select all that apply (SA028 3.5.2).",
        [
            ("concerns.significantAgeImbalance", "A significant age imbalance", "A large difference in age or maturity between the young people (SA028 3.5.2)"),
            ("concerns.repeatBehaviour", "A young person has made or sent images like this before", "Repeat offending (SA028 3.5.2). Being shown in or receiving images before does not count: that young person was a victim"),
            ("concerns.intentToHarmOrViolence", "The images were shared to hurt, humiliate or threaten", "Intent to harm or violence (SA028 3.5.2)"),
            ("concerns.profitMotive", "Images were sold or exchanged for money, goods or favours", "Profit motive (SA028 3.5.2)"),
            ("concerns.exploitation", "A young person is being exploited", "Exploitation (SA028 3.5.2)"),
        ], groupId: "concerns-further");
        fields["otherFactor"] = form.Textarea(OtherAggravatingFactor, "Anything else that makes this more serious (optional)",
            $"The policy’s list is not exhaustive (SA028 3.5.2). If you write something here, the police will investigate. Do not describe the images. You can enter up to {ReferralLimits.MaxOtherFactor} characters.",
            ReferralLimits.MaxOtherFactor, rows: 3);
        fields["vulnerability"] = form.Textarea(VulnerabilityNotes, "Vulnerabilities or other safeguarding concerns (optional)",
            "For example mental health, or concerns at home (SA028 3.2.2). If special educational needs raise concerns about a young person’s capacity to consent, tick that question above as well", ReferralLimits.MaxNotes, rows: 4);
        fields["imageryDone"] = form.Checkboxes("What has the school or college done with the images?", "Staff should not view, copy or store them (SA028 3.2.3). Tell us honestly: this helps us give the right advice.",
        [
            (ViewedBySetting, "A member of staff has viewed them", null),
            (CopiedOrStoredBySetting, "A member of staff has copied, saved or stored them", "If so, do not delete or share them further until the police advise you"),
        ]);
        fields["imageryMore"] = form.Checkboxes("About the images, and the parents or carers", null,
        [
            (PseudoOrGeneratedImagery, "The images are pseudo-images, or were made or changed with AI", "They count just the same as real images (UKCIS 2024)"),
            (ParentsInformedBySetting, "The school or college has already told the parents or carers", "In most cases parents and carers should be told, unless that would put a young person at risk (UKCIS 2024)"),
        ], groupId: "imagery-more");
        return fields;
    }

    private static YoungPersonView YoungPersonSection(FormFields form, int index, int count) => new(
        Html.IdOf(YoungPerson(index, "section")),
        index + 1,
        count > 1,
        form.TextInput(YoungPerson(index, "name"), "Full name", autocomplete: "off", maxLength: ReferralLimits.MaxName),
        form.DateInput(YoungPerson(index, "dateOfBirth"), "Date of birth", "For example, 1 5 2011"),
        form.Radios(YoungPerson(index, "role"), "How are they involved?", null,
        [
            (nameof(YoungPersonRole.Creator), "Made the image or video", null),
            (nameof(YoungPersonRole.Sender), "Sent or shared it", null),
            (nameof(YoungPersonRole.Recipient), "Received it", null),
            (nameof(YoungPersonRole.Subject), "Is shown in it", null),
            (nameof(YoungPersonRole.Other), "Other", null),
        ]),
        form.TextInput(YoungPerson(index, "email"), "Their email address (optional)", "Only if they should receive the advice directly", type: "email", autocomplete: "off", maxLength: ReferralLimits.MaxEmail),
        form.TextInput(YoungPerson(index, "parentCarer.name"), "Parent or carer’s name (optional)", autocomplete: "off", maxLength: ReferralLimits.MaxName),
        form.TextInput(YoungPerson(index, "parentCarer.email"), "Parent or carer’s email address (optional)", "We send parents and carers the police advice and guidance (SA028 3.6.2)", type: "email", autocomplete: "off", maxLength: ReferralLimits.MaxEmail),
        form.Radios(YoungPerson(index, ParentSafeToContact), "Is it safe for the police to contact their parent or carer?", "Answer no if telling them could put the young person at risk. We will then never email them, and we tell the police officer who follows up (UKCIS 2024)",
        [
            ("true", "Yes, or I do not know of any reason not to", null),
            ("false", "No, it is not safe to contact them", null),
        ]));

    /// <summary>The parser's message, in the words of the form (GOV.UK error message style).</summary>
    internal static string Describe(string key, string message)
    {
        var person = YoungPersonProperty().Match(key);
        var who = person.Success ? $"young person {int.Parse(person.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}’s " : "";
        var property = person.Success ? person.Groups[2].Value : key;
        if (message == "Required.")
        {
            return property switch
            {
                ReferralFormFields.ForceArea => "Select the police force that covers your school or college",
                SettingName => "Enter the name of the school or college",
                ReporterName => "Enter your full name",
                ReporterEmail => "Enter your work email address",
                DiscoveredOn => "Enter the date the school or college found out",
                Summary => "Describe what happened",
                "name" => $"Enter {who}full name",
                "dateOfBirth" => $"Enter {who}date of birth",
                _ => message,
            };
        }

        if (message.StartsWith("Must be a real date", StringComparison.Ordinal))
        {
            return property == "dateOfBirth" ? $"Enter {who}date of birth as a real date, for example 1 5 2011" : "Enter the date as a real date, for example 27 3 2026";
        }

        if (message.StartsWith("Must be an email address", StringComparison.Ordinal))
        {
            return "Enter an email address in the correct format, like name@school.example";
        }

        if (key == "youngPeople")
        {
            return "Give at least one young person";
        }

        return message;
    }
}
