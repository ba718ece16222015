using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Text;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>
/// Builds what a template may show from an <see cref="EmailRequest"/>. Who may see what is
/// decided here, in one place, not in the templates:
/// <list type="bullet">
/// <item>the incident summary only to police readers (authorisation, consultation, investigation,
/// safeguarding);</item>
/// <item>young people's names and contacts only to those who must act on them (investigation,
/// safeguarding alert, youth team); the authorisation kinds and the consultation use YP1, YP2 and
/// ages, and their summary has the names replaced by those references;</item>
/// <item>the advice and guidance carries nothing of the case but its reference.</item>
/// </list>
/// </summary>
internal static class EmailModelFactory
{
    /// <summary>The forces' wording when none is given (tests); the app passes its configured forces.</summary>
    private static readonly ForceProfiles DefaultForces = ForceProfiles.BuiltIn;

    private static readonly HashSet<EmailKind> SummaryReaders =
    [
        EmailKind.AuthorisationRequest,
        EmailKind.AuthorisationReminder,
        EmailKind.AuthorisationEscalation,
        EmailKind.SafeguardingExpertConsultation,
        EmailKind.InvestigationReferral,
        EmailKind.SafeguardingAlert,
    ];

    private static readonly HashSet<EmailKind> NameReaders =
    [
        EmailKind.InvestigationReferral,
        EmailKind.SafeguardingAlert,
        EmailKind.YouthTeamNotification,
        EmailKind.EducationReminder,
    ];

    private static readonly HashSet<EmailKind> LinkRequired =
    [
        EmailKind.AuthorisationRequest,
        EmailKind.AuthorisationReminder,
        EmailKind.AuthorisationEscalation,
        EmailKind.YouthTeamNotification,
    ];

    public static EmailModel Build(EmailRequest request, Uri publicBaseUrl, ForceProfiles? forces = null)
    {
        forces ??= DefaultForces;
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind;
        var link = AbsoluteLink(request.Link, publicBaseUrl);
        if (link is null && LinkRequired.Contains(kind))
        {
            throw new ArgumentException($"A {kind} email needs its link.", nameof(request));
        }

        if (kind == EmailKind.PolicyReviewReminder)
        {
            return PolicyReview(request, forces);
        }

        var record = request.Case ?? throw new ArgumentException($"A {kind} email needs its case.", nameof(request));
        var referral = record.Referral;
        var profile = forces.For(record.ForceArea);
        var assessment = record.Assessment;
        var factors = assessment?.AggravatingFactors ?? [];
        var dueBy = request.DueBy ?? record.Education?.DueBy;
        if (kind == EmailKind.YouthTeamNotification && dueBy is null)
        {
            throw new ArgumentException("A YouthTeamNotification needs the date education is due by.", nameof(request));
        }

        var authorised = record.Outcome is not null;
        // Contract §4.3, §10: a declined case keeps its Outcome 21 route, and is told once accepted (UnderInvestigation).
        var investigation = !authorised &&
            (record.Status is CaseStatus.ReferredForInvestigation or CaseStatus.UnderInvestigation
             || record.Investigation is not null || assessment?.Route == Route.Investigation);
        var declined = kind is EmailKind.InvestigationReferral or EmailKind.SettingOutcome && factors.Count == 0 && investigation;
        if (kind == EmailKind.SettingOutcome && !authorised && !investigation)
        {
            throw new InvalidOperationException("A SettingOutcome needs an authorised outcome or a referral for investigation.");
        }

        var subject = EmailSubjects.For(
            kind,
            record.CrimeReference,
            profile.LocalOutcomeCode,
            dueBy is { } due ? UkDates.Day(due) : null,
            null);

        // Contract §4.1, §6, §11: the acknowledgement goes to an address nobody has confirmed yet, so it
        // carries none of the submitter's text: the reference, the standard advice and the link to confirm.
        if (kind == EmailKind.IntakeAcknowledgement)
        {
            return Base(kind, subject, record.CrimeReference, profile) with
            {
                ImageryCopiedBySetting = referral.ImageryHandling.CopiedOrStoredBySetting,
                Link = link?.AbsoluteUri,
                LinkExpiresAt = request.LinkExpiresAt is { } confirmBy ? UkDates.Moment(confirmBy) : null,
            };
        }

        // §3.4.7, §3.6.2: the advice is the product's leaflet, addressed to its reader; it says
        // nothing of the incident or of anyone else involved.
        if (kind == EmailKind.AdviceGuidance)
        {
            return Base(kind, subject, record.CrimeReference, profile) with
            {
                RecipientName = UserText.Line(request.RecipientName),
            };
        }

        // v2 §6: to the manager who consulted: the expert's advice (names replaced by references,
        // as for every police reader who is not to act on them) and the link to the case page.
        if (kind == EmailKind.SafeguardingAdviceRecorded)
        {
            var casePage = new Uri(publicBaseUrl, "/api/cases/" + Uri.EscapeDataString(record.ReferralId));
            return Base(kind, subject, record.CrimeReference, profile) with
            {
                Link = casePage.AbsoluteUri,
                ActorName = UserText.Line(request.ActorName),
                RecipientName = UserText.Line(request.RecipientName),
                Rationale = UserText.Paragraphs(UserText.Redact(request.Rationale ?? "", referral.YoungPeople)),
            };
        }

        var showSummary = SummaryReaders.Contains(kind);
        var showNames = NameReaders.Contains(kind);

        var found = factors.Select(f => f.Code).ToHashSet();
        return Base(kind, subject, record.CrimeReference, profile) with
        {
            SettingName = UserText.Line(referral.Setting.Name),
            SettingUrn = UserText.Line(referral.Setting.Urn),
            SettingPostcode = UserText.Line(referral.Setting.Postcode),
            ReporterName = UserText.Line(referral.Reporter.Name),
            ReporterRole = PolicyWords.Reporter(referral.Reporter.Role),
            ReporterEmail = UserText.Line(referral.Reporter.Email),
            ReporterPhone = UserText.Line(referral.Reporter.Phone),
            DiscoveredOn = UkDates.Long(referral.Incident.DiscoveredOn),
            ReceivedOn = UkDates.Day(record.ReceivedAt),
            SharedBeyondIntendedRecipient = referral.Incident.SharedBeyondIntendedRecipient,
            ImageryViewedBySetting = referral.ImageryHandling.ViewedBySetting,
            ImageryCopiedBySetting = referral.ImageryHandling.CopiedOrStoredBySetting,
            ImageryPseudoOrGenerated = referral.ImageryHandling.PseudoOrGeneratedImagery,
            ParentsInformedBySetting = referral.ImageryHandling.ParentsInformedBySetting,
            ParentsNotSafe = NotSafeToContact(referral),
            Summary = !showSummary ? []
                : showNames ? UserText.Paragraphs(referral.Incident.Summary)
                : PoliceReaderText.Summary(referral),
            NamesShown = showNames,
            YoungPeople = referral.YoungPeople
                .Select(p => new PersonView(
                    UserText.Line(p.Reference) ?? "?",
                    showNames ? UserText.Line(p.Name) : null,
                    p.AgeOnDiscovery,
                    PolicyWords.Role(p.Role),
                    showNames ? UserText.Line(p.Email) : null,
                    showNames ? UserText.Line(p.ParentCarer?.Name) : null,
                    showNames ? UserText.Line(p.ParentCarer?.Email) : null,
                    p.ParentCarer?.SafeToContact ?? true))
                .ToList(),
            Adults = kind is EmailKind.InvestigationReferral or EmailKind.SafeguardingAlert
                ? referral.AdultsInvolved.Select(a => new AdultView(UserText.Line(a.Name), UserText.Line(a.Description))).ToList()
                : [],
            // A reason may be the setting's own words (OtherAggravatingFactor): names replaced for readers who must not see them.
            Factors = factors
                .Select(f => new FactorView(
                    PolicyWords.Factor(f.Code),
                    showNames ? UserText.Line(f.Reason) ?? "" : PoliceReaderText.Line(f.Reason, referral),
                    f.PolicyRef,
                    PolicyWords.Cite(f.PolicyRef)))
                .ToList(),
            FactorsChecked = PolicyWords.Factors.Select(f => new CheckView(f.Title, found.Contains(f.Code), PolicyWords.CiteFactor(f.Code))).ToList(),
            Concerns = (assessment?.SafeguardingConcerns ?? [])
                .Select(c => new ConcernView(PolicyWords.Concern(c.Code), UserText.Line(c.Reason) ?? ""))
                .ToList(),
            VulnerabilityNotes = showSummary ? UserText.Paragraphs(referral.Concerns.VulnerabilityNotes) : [],
            Link = link?.AbsoluteUri,
            ReporterNotYetConfirmed = !record.ReporterConfirmed,
            ReporterOutsideTrustedDomains = record.Confirmation is { TrustedDomain: false },
            LinkExpiresAt = request.LinkExpiresAt is { } expires ? UkDates.Moment(expires) : null,
            DueBy = dueBy is { } d ? UkDates.Day(d) : null,
            ActorName = UserText.Line(request.ActorName),
            Rationale = UserText.Paragraphs(request.Rationale),
            RecipientName = UserText.Line(request.RecipientName),
            Authorised = authorised,
            AuthorisedBy = UserText.Line(record.Outcome?.AuthorisedBy),
            AuthorisedOn = record.Outcome is { } outcome ? UkDates.Day(outcome.AuthorisedAt) : null,
            Investigation = investigation,
            Declined = declined,
        };
    }

    private static EmailModel PolicyReview(EmailRequest request, ForceProfiles forces)
    {
        var date = request.PolicyReviewDate ?? throw new ArgumentException("A PolicyReviewReminder needs the review date.", nameof(request));
        var reviewDate = UkDates.Long(date);
        return new EmailModel
        {
            Kind = request.Kind.ToString(),
            Subject = EmailSubjects.For(request.Kind, null, ForceProfiles.NationalOutcome, null, reviewDate),
            ForceName = forces.DisplayNames,
            NationalOutcome = ForceProfiles.NationalOutcome,
            LocalOutcome = ForceProfiles.NationalOutcome,
            YouthTeamName = "youth teams",
            YouthTeamPolicyRef = "3.4.8",
            AdviceWebsite = forces.All[0].AdviceWebsite.AbsoluteUri,
            PolicyReviewDate = reviewDate,
            RecipientName = UserText.Line(request.RecipientName),
        };
    }

    private static EmailModel Base(EmailKind kind, string subject, string crimeReference, ForceProfile profile) => new()
    {
        Kind = kind.ToString(),
        Subject = subject,
        CrimeReference = crimeReference,
        ForceName = profile.DisplayName,
        NationalOutcome = ForceProfiles.NationalOutcome,
        LocalOutcome = profile.LocalOutcomeCode,
        LocalOutcomeDiffers = profile.LocalOutcomeDiffers,
        CrimeRecordingSystem = profile.CrimeRecordingSystem,
        YouthTeamName = profile.YouthTeamName,
        // A force SA028 does not name: §3.4.7, the duty to deliver education, is what applies.
        YouthTeamPolicyRef = profile.YouthTeamPolicyRef ?? "3.4.7",
        AdviceWebsite = profile.AdviceWebsite.AbsoluteUri,
        Appendix = profile.PolicyAppendix,
    };

    // Contract §2, §4.5: the youth team is told which parents or carers must not be contacted.
    private static string? NotSafeToContact(Referral referral)
    {
        var references = referral.YoungPeople.Where(p => p.ParentCarer is { SafeToContact: false }).Select(p => UserText.Line(p.Reference) ?? "?").ToList();
        return references.Count switch
        {
            0 => null,
            1 => references[0],
            _ => string.Join(", ", references[..^1]) + " and " + references[^1],
        };
    }

    // Contract §6: links are absolute. A relative link is taken against PublicBaseUrl; anything
    // but http(s) is refused, so no "javascript:" or "data:" link can reach a template.
    private static Uri? AbsoluteLink(Uri? link, Uri publicBaseUrl)
    {
        if (link is null)
        {
            return null;
        }

        var absolute = link.IsAbsoluteUri ? link : new Uri(publicBaseUrl, link);
        if (absolute.Scheme != Uri.UriSchemeHttps && absolute.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("Email links must be http or https.", nameof(link));
        }

        return absolute;
    }
}
