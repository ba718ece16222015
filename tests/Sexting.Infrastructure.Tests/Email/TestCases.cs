using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Storage;

namespace Sexting.Infrastructure.Tests.Email;

/// <summary>Fictional cases and requests for the email tests. Every name and address is made up.</summary>
internal static class TestCases
{
    public const string ReferralId = "0123456789abcdef0123456789abcdef";
    public const string SummaryMarker = "SUMMARY-MARKER-7Q";
    public const string SummaryEnd = "END-OF-SUMMARY-9Z";
    public const string RationaleMarker = "RATIONALE-MARKER-4K";
    public const string NotesMarker = "NOTES-MARKER-2W";

    /// <summary>Everything a hostile or careless form can hold: markup, quotes breaking out of an
    /// attribute, a header injection, a right-to-left override, Arabic and Hebrew, emoji.</summary>
    public const string Hostile = "<script>alert(\"x\")</script>\" onmouseover=\"alert(1)\" 'single' & \u202Eevil\u202C \u2066iso\u2069 \r\nBcc: injected@evil.example مرحبا שלום 😀👍🏽";

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    public static readonly Uri ApprovalLink = new("http://127.0.0.1:7071/api/approvals/" + ReferralId + ".s3cr3t-token_value");
    public static readonly Uri EducationLink = new("http://127.0.0.1:7071/api/education/" + ReferralId + ".an0ther-token_value");
    public static readonly DateTimeOffset LinkExpiresAt = new(2026, 12, 4, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DueBy = new(2026, 12, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Idempotency keys under the development <c>Tables:IndexKey</c>, as the app makes them when none is set.</summary>
    public static EmailIdempotencyKey Keys { get; } = new(Microsoft.Extensions.Options.Options.Create(new TableStorageOptions()));

    public static IReadOnlyList<EmailKind> AllKinds { get; } = Enum.GetValues<EmailKind>();

    /// <summary>A force onboarded by configuration (contract §1), SA028 naming neither its paragraph nor its appendix.</summary>
    public static ForceProfile Kent { get; } = new(ForceArea.Of("Kent"), "Kent Police", "KT", "Outcome 21K", null, "Schools Officer Team", null, new Uri("https://www.kent.police.example/advice"));

    /// <summary>The two built-in forces and <see cref="Kent"/>.</summary>
    public static ForceProfiles Forces { get; } = new([.. ForceProfiles.BuiltIn.All, Kent]);

    public static YoungPerson Alex { get; } = new("YP1", "Alex Example", new DateOnly(2011, 5, 1), 15, YoungPersonRole.Sender, "alex@pupil.example", new ParentCarer("Sam Example", "sam@family.example"));

    public static YoungPerson Jamie { get; } = new("YP2", "Jamie Sample", new DateOnly(2011, 9, 12), 15, YoungPersonRole.Recipient, null, new ParentCarer("Chris Sample", "chris@family.example"));

    public static string OrdinarySummary { get; } =
        $"Alex Example sent an image to Jamie Sample on a messaging app. {SummaryMarker}\nJamie told a teacher; alex example says it was meant as a joke.";

    public static Referral Referral(
        ForceArea? forceArea = null,
        string? summary = null,
        IReadOnlyList<YoungPerson>? people = null,
        IReadOnlyList<AdultInvolved>? adults = null,
        Concerns? concerns = null,
        Setting? setting = null,
        Reporter? reporter = null) =>
        new(
            null,
            forceArea ?? ForceArea.DevonAndCornwall,
            setting ?? new Setting("Exe Valley Academy", "123456", "EX1 1AA"),
            reporter ?? new Reporter("Jo Bloggs", ReporterRole.DesignatedSafeguardingLead, "dsl@exevalley.example", "01392 000000"),
            new Incident(new DateOnly(2026, 11, 20), summary ?? OrdinarySummary, false),
            people ?? [Alex, Jamie],
            adults ?? [],
            concerns ?? Concerns.None,
            new ImageryHandling(false, false));

    public static CaseRecord Case(Referral referral, CaseStatus status, OutcomeRecord? outcome = null, EducationRecord? education = null) =>
        new(
            ReferralId,
            Forces.For(referral.ForceArea).CrimeReferencePrefix + "-2026-000042",
            status,
            ReceivedAt,
            referral,
            ReferralAssessor.Assess(referral, [], new AssessmentOptions(), Forces),
            outcome,
            education,
            null);

    public static CaseRecord AwaitingAuthorisation(Referral? referral = null) =>
        Case(referral ?? Referral(), CaseStatus.AwaitingAuthorisation);

    public static CaseRecord Authorised(Referral? referral = null)
    {
        referral ??= Referral();
        var profile = Forces.For(referral.ForceArea);
        return Case(
            referral,
            CaseStatus.EducationAndIntervention,
            new OutcomeRecord(ForceProfiles.NationalOutcome, profile.LocalOutcomeCode, "Insp. Pat Manager", ReceivedAt.AddDays(1), "No aggravating factors; education is proportionate."),
            new EducationRecord(DueBy, null, null, null));
    }

    /// <summary>An adult involved and a child under 13: two aggravating factors (§3.5.2).</summary>
    public static CaseRecord Aggravated(Referral? referral = null)
    {
        referral ??= Referral(
            people: [Alex, Jamie with { DateOfBirth = new DateOnly(2014, 3, 3), AgeOnDiscovery = 12 }],
            adults: [new AdultInvolved("Lee Adult", "A 24-year-old who asked for the image")],
            concerns: Concerns.None with { ImmediateRiskOfHarm = true, VulnerabilityNotes = "Known to children's services. " + NotesMarker });
        return Case(referral, CaseStatus.ReferredForInvestigation);
    }

    /// <summary>No factor, but the manager declined Outcome 21 (contract §4.5).</summary>
    public static CaseRecord Declined(Referral? referral = null) =>
        Case(referral ?? Referral(), CaseStatus.ReferredForInvestigation);

    /// <summary>A valid request of <paramref name="kind"/> for an ordinary case: the case in the state that kind is sent in.</summary>
    public static EmailRequest RequestFor(EmailKind kind, Referral? referral = null, AdviceAudience audience = AdviceAudience.ParentCarer, string? recipientName = null, string? actorName = null, string? rationale = null)
    {
        CaseRecord? record = kind switch
        {
            EmailKind.PolicyReviewReminder => null,
            EmailKind.IntakeAcknowledgement => Case(referral ?? Referral(), CaseStatus.Received),
            EmailKind.SafeguardingAlert => Aggravated(referral),
            EmailKind.InvestigationReferral => Aggravated(referral),
            EmailKind.YouthTeamNotification or EmailKind.AdviceGuidance or EmailKind.SettingOutcome or EmailKind.EducationReminder => Authorised(referral),
            _ => AwaitingAuthorisation(referral),
        };

        var request = new EmailRequest(kind, "recipient@police.example", record)
        {
            RecipientName = recipientName,
            ActorName = actorName ?? "Insp. Pat Manager",
            Rationale = rationale ?? "Please check the ages. " + RationaleMarker,
        };

        return kind switch
        {
            EmailKind.AuthorisationRequest or EmailKind.AuthorisationReminder or EmailKind.AuthorisationEscalation =>
                request with { Link = ApprovalLink, LinkExpiresAt = LinkExpiresAt },
            EmailKind.YouthTeamNotification or EmailKind.EducationReminder =>
                request with { Link = EducationLink, LinkExpiresAt = LinkExpiresAt, DueBy = DueBy },
            EmailKind.AdviceGuidance => request with { Audience = audience, RecipientName = recipientName ?? "Sam Example" },
            EmailKind.PolicyReviewReminder => request with { PolicyReviewDate = new DateOnly(2020, 3, 13) },
            _ => request,
        };
    }

    /// <summary>A referral with hostile text in every free-text field and a 4000-character summary.</summary>
    public static Referral HostileReferral()
    {
        var start = Hostile + " " + SummaryMarker + "\n";
        var filler = string.Concat(Enumerable.Repeat("Lorem ipsum \"dolor\" <b>sit</b> amet. ", 200));
        var summary = (start + filler)[..(ReferralLimits.MaxSummary - SummaryEnd.Length - 1)] + " " + SummaryEnd;
        return Referral(
            summary: summary,
            people:
            [
                Alex with { Name = "Alex " + Hostile, ParentCarer = new ParentCarer("Parent " + Hostile, "sam@family.example") },
                Jamie with { Reference = "YP2" + Hostile },
            ],
            adults: [new AdultInvolved(Hostile, Hostile)],
            concerns: Concerns.None with { ImmediateRiskOfHarm = true, VulnerabilityNotes = Hostile },
            setting: new Setting("School " + Hostile, Hostile, Hostile),
            reporter: new Reporter("Reporter " + Hostile, ReporterRole.Teacher, "dsl@exevalley.example", Hostile));
    }
}
