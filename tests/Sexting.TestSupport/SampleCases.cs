using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.TestSupport;

/// <summary>Fictional cases for the page tests; <see cref="Hostile"/> carries markup in every free-text field.</summary>
public static class SampleCases
{
    public const string YoungPersonName = "Alex Example";
    public const string OtherYoungPersonName = "Sam Sample";
    public const string ParentName = "Pat Example";
    public const string HostileText = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";

    public static CaseRecord AwaitingAuthorisation(ForceArea? forceArea = null, string summaryText = "Two pupils in Year 10 exchanged images over a messaging app. The school has spoken to both and their parents.", string settingName = "Exe Valley Academy")
    {
        var force = forceArea ?? ForceArea.DevonAndCornwall;
        var discovered = new DateOnly(2026, 11, 20);
        var referral = new Referral(
            Guid.Parse("3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60"),
            force,
            new Setting(settingName, "123456", "EX1 1AA"),
            new Reporter("Jo Bloggs", ReporterRole.DesignatedSafeguardingLead, "dsl@exevalley.example", "01392 000000"),
            new Incident(discovered, summaryText, false),
            [
                new YoungPerson("YP1", YoungPersonName, new DateOnly(2011, 5, 1), 15, YoungPersonRole.Sender, "alex@pupil.example", new ParentCarer(ParentName, "pat@family.example")),
                new YoungPerson("YP2", OtherYoungPersonName, new DateOnly(2011, 9, 12), 15, YoungPersonRole.Recipient, null, null),
            ],
            [],
            Concerns.None with { VulnerabilityNotes = "Needs extra support." },
            new ImageryHandling(false, false));
        var profile = ForceProfiles.BuiltIn.For(force);
        var assessment = new ReferralAssessment(
            [],
            [new SafeguardingConcern(SafeguardingConcernCode.Vulnerability, "The setting described a vulnerability")],
            Route.EducationAndIntervention,
            new ProposedOutcome(ForceProfiles.NationalOutcome, profile.LocalOutcomeCode));
        return new CaseRecord("0123456789abcdef0123456789abcdef", profile.CrimeReferencePrefix + "-2026-000001", CaseStatus.AwaitingAuthorisation,
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), referral, assessment, null, null, "etag");
    }

    public static CaseRecord InEducation(ForceArea? forceArea = null)
    {
        var force = forceArea ?? ForceArea.Dorset;
        var record = AwaitingAuthorisation(force);
        return record with
        {
            Status = CaseStatus.EducationAndIntervention,
            Outcome = new OutcomeRecord(ForceProfiles.NationalOutcome, ForceProfiles.BuiltIn.For(force).LocalOutcomeCode, "Morgan Manager", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "Low risk, both pupils engaged."),
            Education = new EducationRecord(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero), null, null, null),
        };
    }

    public static CaseRecord Hostile() => AwaitingAuthorisation(summaryText: HostileText, settingName: HostileText);
}
