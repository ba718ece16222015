using System.Globalization;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Email.Composition;
using Sexting.Functions.Pages.Components;
using Sexting.Infrastructure.Text;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>
/// What a manager or youth officer sees of a case behind a decision link: never the young
/// people's names (contract §5), nor their contact details, only references, ages and roles;
/// the school's free text only as <see cref="PoliceReaderText"/> gives it (names replaced by references).
/// Every aggravating factor shows its reason and source, and every check made is listed, so the
/// manager sees why the case went where it went (contract §3).
/// </summary>
internal static class CaseSummary
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static CaseSummaryView View(CaseRecord record, ForceProfile force, bool includeSummary = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(force);
        var referral = record.Referral;
        var factors = record.Assessment?.AggravatingFactors ?? [];
        var found = factors.Select(f => f.Code).ToHashSet();
        var proposed = record.Assessment?.ProposedOutcome ?? new ProposedOutcome(ForceProfiles.NationalOutcome, force.LocalOutcomeCode);
        return new CaseSummaryView(
            record.CrimeReference,
            force.DisplayName,
            UserText.Line(referral.Setting.Name) ?? "",
            Date(referral.Incident.DiscoveredOn),
            referral.Incident.SharedBeyondIntendedRecipient,
            referral.ImageryHandling.PseudoOrGeneratedImagery,
            referral.ImageryHandling.ParentsInformedBySetting,
            [.. referral.YoungPeople.Select(person =>
                $"{UserText.Line(person.Reference) ?? "?"}: aged {person.AgeOnDiscovery.ToString(CultureInfo.InvariantCulture)}, {RoleText(person.Role)}"
                + (person.ParentCarer is { SafeToContact: false } ? "; the school says it is not safe to contact their parent or carer" : ""))],
            [.. factors.Select(f => new FactorItem(f.Code.ToString(), PolicyWords.Factor(f.Code), PolicyWords.Cite(f.PolicyRef), PoliceReaderText.Line(f.Reason, referral)))],
            [.. PolicyWords.Factors.Select(f => new CheckItem(f.Title, PolicyWords.CiteFactor(f.Code), found.Contains(f.Code)))],
            [.. (record.Assessment?.SafeguardingConcerns ?? []).Select(c => ConcernText(c.Code))],
            OutcomeText(proposed, force),
            includeSummary ? PoliceReaderText.Summary(referral) : null);
    }

    public static string OutcomeText(ProposedOutcome outcome, ForceProfile force) =>
        outcome.National == outcome.Local
            ? $"{outcome.National}: further investigation is not in the public interest (police decision)"
            : $"{outcome.National} ({outcome.Local} on {force.CrimeRecordingSystem ?? "the force's crime recording system"}): further investigation is not in the public interest (police decision)";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", EnGb);

    private static string RoleText(YoungPersonRole role) => role switch
    {
        YoungPersonRole.Creator => "made the image",
        YoungPersonRole.Sender => "sent or shared it",
        YoungPersonRole.Recipient => "received it",
        YoungPersonRole.Subject => "is shown in it",
        _ => "involved in another way",
    };

    private static string ConcernText(SafeguardingConcernCode code) => code switch
    {
        SafeguardingConcernCode.ImmediateRiskOfHarm => "The school reported an immediate risk of harm",
        SafeguardingConcernCode.Vulnerability => "The school described a vulnerability",
        _ => code.ToString(),
    };
}
