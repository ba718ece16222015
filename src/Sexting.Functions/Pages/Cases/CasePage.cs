using System.Globalization;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Pages.Components;
using Sexting.Functions.Pages.Decisions;
using Sexting.Infrastructure.Email.Composition;
using Sexting.Infrastructure.Text;

namespace Sexting.Functions.Pages.Cases;

/// <summary>
/// GET /api/cases/{referralId} as a page (contract §10): the case with its assessment (reasons and §
/// references), timeline, emails sent and the forms of what the person may do now
/// (<see cref="CaseActions"/>). Young people by reference only, the school's text through
/// <see cref="PoliceReaderText"/>; the title is the crime reference alone.
/// </summary>
public sealed class CasePage(PageLayout layout, ForceProfiles? forces = null)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    /// <summary>The page for <paramref name="who"/>, who may take <paramref name="actions"/> now.</summary>
    public string Render(
        CaseRecord record, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<SentEmail> emails,
        IReadOnlyList<StaffAction> actions, StaffMember who, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(who);
        var force = _forces.For(record.ForceArea);
        var referral = record.Referral;
        var summary = CaseSummary.View(record, force);
        var basePath = "/api/cases/" + Uri.EscapeDataString(record.ReferralId);
        var factors = record.Assessment?.AggravatingFactors ?? [];

        var rows = new List<RowItem>
        {
            new("Force", force.DisplayName),
            new("Status", StatusText(record.Status)),
            new("Route", record.Assessment?.Route switch
            {
                Sexting.Core.Assessment.Route.EducationAndIntervention => "Education and intervention (Outcome 21 proposed)",
                Sexting.Core.Assessment.Route.Investigation => "Investigation",
                _ => "Not assessed yet",
            }),
            new("Received", When(record.ReceivedAt)),
            new("Outcome", record.Outcome is { } o
                ? $"{o.National} ({o.Local}), authorised by {o.AuthorisedBy} on {When(o.AuthorisedAt)}: {o.Rationale}"
                : "Not authorised"),
            new("Education and intervention", record.Education is { } e
                ? e.DeliveredAt is { } delivered ? $"Delivered on {When(delivered)} by {e.DeliveredBy}" : $"Due by {When(e.DueBy)}"
                : "None due"),
            new("Investigation", record.Investigation is { } i
                ? (i.AcceptedAt is { } accepted ? $"Accepted by {i.AcceptedBy} on {When(accepted)}" : "Not accepted")
                    + (i.ClosedAt is { } closed ? $"; closed on {When(closed)}: {i.Outcome}" : "")
                : "None"),
        };

        var overdue = record.Education is { DeliveredAt: null } due && due.DueBy < now && record.Status == CaseStatus.EducationAndIntervention;
        var banners = new List<string>();
        if (overdue)
        {
            banners.Add("Education and intervention is overdue (SA028 3.4.7).");
        }

        if (!record.ReporterConfirmed)
        {
            banners.Add("The reporter has not confirmed their email address yet: nothing the school typed goes outside the police until they do.");
        }

        if (record.Confirmation is { TrustedDomain: false })
        {
            banners.Add("The reporter's email domain is not one of the trusted school domains. Check the referral is genuine.");
        }

        var fields = new FormFields(_ => "", _ => null);
        var forms = new List<ActionForm>();
        foreach (var action in actions)
        {
            forms.Add(action switch
            {
                StaffAction.AcceptInvestigation => new ActionForm("accept", "Accept for investigation", basePath + "/investigation/accept",
                    "The case moves to under investigation and the school is told (once the reporter has confirmed).", null, null, null, "Accept for investigation"),
                StaffAction.ReturnToOutcome21 => new ActionForm("return", "Return to the Outcome 21 route", basePath + "/investigation/return",
                    "SA028 3.5.1: aggravating factors may make Outcome 21 inappropriate, not that they must. The case goes back for a line manager's authorisation.",
                    Discount(factors), null,
                    fields.Textarea("rationale", "Your rationale", "Why education and intervention is right for this case.", ReferralLimits.MaxRationale, rows: 5),
                    "Return to Outcome 21"),
                StaffAction.CloseInvestigation => new ActionForm("close", "Close the investigation", basePath + "/investigation/close", null, null, null,
                    fields.Textarea("outcome", "Outcome", "The outcome the investigation closed with.", ReferralLimits.MaxRationale, rows: 3), "Close investigation"),
                StaffAction.DecideOutcome21 => new ActionForm("decision", "Decide on Outcome 21", basePath + "/decision", null, null,
                    fields.Radios("decision", "Your decision", null,
                    [
                        ("authorise", $"Authorise {ForceProfiles.NationalOutcome}", $"Close the crime with {force.OutcomeWords}."),
                        ("decline", "Decline", "Outcome 21 is not appropriate. The case is referred for investigation."),
                        ("consult", "Consult a safeguarding expert first", "We email the Public Protection Unit Detective Sergeant or equivalent (SA028 3.4.3)."),
                    ], legendClass: "govuk-fieldset__legend--s"),
                    fields.Textarea("rationale", "Your rationale", "Required to authorise or decline.", ReferralLimits.MaxRationale, rows: 5),
                    "Record decision"),
                StaffAction.RecordAdvice => new ActionForm("advice", "Record safeguarding advice", basePath + "/advice",
                    "The manager who consulted you is emailed at the address the consultation came from.", null, null,
                    fields.Textarea("advice", "Your advice", null, ReferralLimits.MaxRationale, rows: 6), "Record advice"),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action, "Not a workspace action."),
            });
        }

        var model = new Model(
            record.CrimeReference,
            who.Describe(),
            banners,
            rows,
            record.ReporterConfirmed,
            record.Confirmation?.TrustedDomain ?? true,
            summary.YoungPeople,
            summary.Summary ?? [],
            [.. factors.Select(f => new FactorRow(
                f.Code.ToString(), PolicyWords.Factor(f.Code), PoliceReaderText.Line(f.Reason, referral), "§" + f.PolicyRef,
                f.IsDiscounted ? $"Discounted by {f.DiscountedBy} on {When(f.DiscountedAt!.Value)}: {PoliceReaderText.Line(f.Rationale, referral)}" : null))],
            summary.Concerns,
            [.. timeline.Select(t => new EventRow(When(t.At), t.At.ToString("O", CultureInfo.InvariantCulture), t.Event.ToString(), PoliceReaderText.Line(t.Detail, referral)))],
            [.. emails.Select(m => new EmailRow(m.Kind.ToString(), m.To, When(m.At), m.At.ToString("O", CultureInfo.InvariantCulture)))],
            [.. record.Advice.Select(a => new AdviceRow(a.By, When(a.At), PoliceReaderText.Line(a.Advice, referral), a.SentTo))],
            forms);
        return layout.Render(record.CrimeReference, nameof(CasePage), model);
    }

    // Contract §10: "discount" repeated, one value per factor code of the case.
    private static FieldView? Discount(IReadOnlyList<Sexting.Core.Assessment.AggravatingFactor> factors) => factors.Count == 0 ? null :
        new FieldView
        {
            Id = "discount-group",
            Legend = "Factors you discount",
            Hint = "They stay on the case, marked with your name, the time and your rationale.",
            HintId = "discount-group-hint",
            DescribedBy = "discount-group-hint",
            Options = [.. factors.Select(f => new OptionView("discount-" + Html.IdOf(f.Code.ToString()), "discount", f.Code.ToString(), PolicyWords.Factor(f.Code), null, false))],
        };

    private static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy HH:mm 'UTC'", EnGb);

    private static string StatusText(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Received",
        CaseStatus.AwaitingAuthorisation => "Awaiting authorisation",
        CaseStatus.EducationAndIntervention => "Education and intervention",
        CaseStatus.Closed => "Closed",
        CaseStatus.ReferredForInvestigation => "Referred for investigation",
        CaseStatus.UnderInvestigation => "Under investigation",
        CaseStatus.Unconfirmed => "Unconfirmed",
        _ => status.ToString(),
    };

    /// <summary>What <c>CasePage.liquid</c> shows.</summary>
    internal sealed record Model(
        string CrimeReference, string SignedInAs, IReadOnlyList<string> Banners, IReadOnlyList<RowItem> Rows,
        bool ReporterConfirmed, bool TrustedDomain, IReadOnlyList<string> YoungPeople, IReadOnlyList<string> Summary,
        IReadOnlyList<FactorRow> Factors, IReadOnlyList<string> Concerns, IReadOnlyList<EventRow> Timeline,
        IReadOnlyList<EmailRow> Emails, IReadOnlyList<AdviceRow> Advice, IReadOnlyList<ActionForm> Forms);

    internal sealed record RowItem(string Key, string Value);

    internal sealed record FactorRow(string Code, string Title, string Reason, string PolicyRef, string? Discounted);

    internal sealed record EventRow(string When, string At, string Event, string Detail);

    internal sealed record EmailRow(string Kind, string To, string When, string At);

    internal sealed record AdviceRow(string By, string When, string Advice, string SentTo);

    internal sealed record ActionForm(string Id, string Heading, string Action, string? Explanation, FieldView? Checkboxes, FieldView? Radios, FieldView? Textarea, string Button);
}
