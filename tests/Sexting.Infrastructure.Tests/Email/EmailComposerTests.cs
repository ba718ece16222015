using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Email.Composition;

namespace Sexting.Infrastructure.Tests.Email;

public sealed partial class EmailComposerTests
{
    private static readonly EmailTemplates Templates = new();

    private static readonly IReadOnlyList<EmailKind> NameFreeKinds =
    [
        EmailKind.IntakeAcknowledgement,
        EmailKind.AuthorisationRequest,
        EmailKind.AuthorisationReminder,
        EmailKind.AuthorisationEscalation,
        EmailKind.SafeguardingExpertConsultation,
        EmailKind.SafeguardingAdviceRecorded,
        EmailKind.AdviceGuidance,
        EmailKind.SettingOutcome,
        EmailKind.PolicyReviewReminder,
    ];

    private static readonly IReadOnlyList<EmailKind> SummaryKinds =
    [
        EmailKind.AuthorisationRequest,
        EmailKind.AuthorisationReminder,
        EmailKind.AuthorisationEscalation,
        EmailKind.SafeguardingExpertConsultation,
        EmailKind.InvestigationReferral,
        EmailKind.SafeguardingAlert,
    ];

    public static TheoryData<EmailKind> Kinds() => new(TestCases.AllKinds);

    public static TheoryData<EmailKind, AdviceAudience> KindsAndAudiences()
    {
        var data = new TheoryData<EmailKind, AdviceAudience>();
        foreach (var kind in TestCases.AllKinds)
        {
            data.Add(kind, AdviceAudience.ParentCarer);
        }

        data.Add(EmailKind.AdviceGuidance, AdviceAudience.YoungPerson);
        return data;
    }

    [Fact]
    public void Templates_EveryKind_HasTextAndHtml()
    {
        var names = Templates.Names.ToHashSet();
        foreach (var kind in TestCases.AllKinds)
        {
            var bases = kind == EmailKind.AdviceGuidance
                ? new[] { "AdviceGuidance.YoungPerson", "AdviceGuidance.ParentCarer" }
                : [kind.ToString()];
            foreach (var name in bases)
            {
                Assert.Contains(name + ".text", names);
                Assert.Contains(name + ".html", names);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndAudiences))]
    public void Compose_EveryKind_RendersBothContentsWithCrimeReferenceInSubject(EmailKind kind, AdviceAudience audience)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind, audience: audience));

        Assert.False(string.IsNullOrWhiteSpace(email.TextBody));
        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", email.HtmlBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        if (kind == EmailKind.PolicyReviewReminder)
        {
            Assert.Contains("SA028", email.Subject, StringComparison.Ordinal);
            Assert.Contains("13 March 2020", email.Subject, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("DC-2026-000042: ", email.Subject, StringComparison.Ordinal);
            Assert.Contains("DC-2026-000042", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("DC-2026-000042", email.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndAudiences))]
    public void Compose_EveryKind_SubjectHasNoNameAndNoSexting(EmailKind kind, AdviceAudience audience)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind, audience: audience, recipientName: "Sam Example"));

        foreach (var part in new[] { "Alex", "Example", "Jamie", "Sample", "Sam", "Chris" })
        {
            Assert.DoesNotContain(part, email.Subject, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("sexting", email.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
    }

    [Fact]
    public void Compose_CrimeReferenceWithLineBreak_Throws()
    {
        var request = TestCases.RequestFor(EmailKind.IntakeAcknowledgement);
        request = request with { Case = request.Case! with { CrimeReference = "DC-2026-000042\r\nBcc: injected@evil.example" } };

        Assert.Throws<InvalidOperationException>(() => Composer().Compose(request));
    }

    [Theory]
    [MemberData(nameof(KindsAndAudiences))]
    public void Compose_HostileInputEverywhere_EncodedInHtmlAndSafeInText(EmailKind kind, AdviceAudience audience)
    {
        var request = TestCases.RequestFor(kind, TestCases.HostileReferral(), audience, recipientName: TestCases.Hostile, actorName: TestCases.Hostile, rationale: TestCases.Hostile);

        var email = Composer().Compose(request);

        // Contract §4.1, §6: the acknowledgement goes to an unconfirmed address and carries nothing typed.
        if (kind == EmailKind.IntakeAcknowledgement)
        {
            foreach (var body in new[] { email.TextBody, email.HtmlBody })
            {
                foreach (var typed in new[] { "script", "alert(", "onmouseover", "injected@evil.example", "مرحبا", "Jo Bloggs" })
                {
                    Assert.DoesNotContain(typed, body, StringComparison.OrdinalIgnoreCase);
                }
            }

            return;
        }

        // Markup and attribute break-outs arrive encoded, never live.
        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(\"x\")", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover=\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>sit</b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);

        // Plain text shows the characters as they were typed, which is safe in text/plain.
        Assert.Contains("<script>alert(\"x\")</script>", email.TextBody, StringComparison.Ordinal);

        // No line of either body starts with an injected header; no bidi override survives.
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain(body.ReplaceLineEndings("\n").Split('\n'), line => line.StartsWith("Bcc:", StringComparison.Ordinal));
            foreach (var bidi in new[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' })
            {
                Assert.DoesNotContain(bidi, body);
            }
        }

        // Right-to-left text and emoji are kept: they are someone's words.
        Assert.Contains("مرحبا", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("😀", email.TextBody, StringComparison.Ordinal);
        Assert.True(email.HtmlBody.Contains("😀", StringComparison.Ordinal) || email.HtmlBody.Contains("&#x1F600;", StringComparison.OrdinalIgnoreCase));

        // The 4000-character summary reaches its police readers whole.
        if (SummaryKinds.Contains(kind))
        {
            Assert.Contains(TestCases.SummaryEnd, email.TextBody, StringComparison.Ordinal);
            Assert.Contains(TestCases.SummaryEnd, email.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compose_KindsNotForPoliceReaders_LeaveOutIncidentSummary(EmailKind kind)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind));

        if (SummaryKinds.Contains(kind))
        {
            Assert.Contains(TestCases.SummaryMarker, email.TextBody, StringComparison.Ordinal);
            Assert.Contains(TestCases.SummaryMarker, email.HtmlBody, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(TestCases.SummaryMarker, email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCases.SummaryMarker, email.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCases.NotesMarker, email.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compose_NameFreeKinds_CarryNoYoungPersonName(EmailKind kind)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind));
        var bodies = email.TextBody + email.HtmlBody;

        if (NameFreeKinds.Contains(kind))
        {
            // The summary names Alex and Jamie; readers of these kinds see YP1 and YP2 instead.
            foreach (var part in new[] { "Alex", "Jamie", "Sample" })
            {
                Assert.DoesNotContain(part, bodies, StringComparison.OrdinalIgnoreCase);
            }
        }
        else
        {
            Assert.Contains("Alex Example", bodies, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(EmailKind.AuthorisationRequest)]
    [InlineData(EmailKind.AuthorisationReminder)]
    [InlineData(EmailKind.AuthorisationEscalation)]
    [InlineData(EmailKind.SafeguardingExpertConsultation)]
    public void Compose_AuthorisationKinds_ReplaceNamesInSummaryWithReferences(EmailKind kind)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind));

        Assert.Contains("YP1 sent an image to YP2 on a messaging app.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("YP2 told a teacher; YP1 says", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("YP1, aged 15", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailKind.AuthorisationRequest, "approvals")]
    [InlineData(EmailKind.AuthorisationReminder, "approvals")]
    [InlineData(EmailKind.AuthorisationEscalation, "approvals")]
    [InlineData(EmailKind.YouthTeamNotification, "education")]
    [InlineData(EmailKind.EducationReminder, "education")]
    public void Compose_KindsWithLink_PutAbsoluteLinkInBothContents(EmailKind kind, string route)
    {
        var request = TestCases.RequestFor(kind);
        var email = Composer().Compose(request);
        var link = request.Link!.AbsoluteUri;

        Assert.Contains("/api/" + route + "/", link, StringComparison.Ordinal);
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("4 December 2026", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailKind.AuthorisationRequest)]
    [InlineData(EmailKind.YouthTeamNotification)]
    [InlineData(EmailKind.EducationReminder)]
    public void Compose_KindsWithLink_MessageColumnWrapsTheLongLink(EmailKind kind)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind));

        // The link's token is one unbroken word: without this the copy-this-link text runs out
        // of the 640px column (seen in Chromium). "anywhere" breaks only a word that would overflow.
        var column = MessageColumn().Match(email.HtmlBody);
        Assert.True(column.Success, "The layout has no message column.");
        Assert.Contains("overflow-wrap:anywhere", column.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("word-wrap:break-word", column.Groups[1].Value, StringComparison.Ordinal);
        Assert.True(email.HtmlBody.IndexOf("Or copy this link", StringComparison.Ordinal) > column.Index, "The link is outside the message column.");
    }

    [Fact]
    public void Compose_RelativeLink_MadeAbsoluteFromPublicBaseUrl()
    {
        var request = TestCases.RequestFor(EmailKind.AuthorisationRequest) with { Link = new Uri("/api/approvals/abc.def", UriKind.Relative) };
        var composer = new FluidEmailComposer(Templates, Options.Create(new PublicLinkOptions { PublicBaseUrl = new Uri("https://ypsi.example") }));

        var email = composer.Compose(request);

        Assert.Contains("https://ypsi.example/api/approvals/abc.def", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ypsi.example/api/approvals/abc.def\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ScriptLink_Throws()
    {
        var request = TestCases.RequestFor(EmailKind.AuthorisationRequest) with { Link = new Uri("javascript:alert(1)") };

        Assert.Throws<ArgumentException>(() => Composer().Compose(request));
    }

    [Theory]
    [InlineData(EmailKind.AuthorisationRequest)]
    [InlineData(EmailKind.YouthTeamNotification)]
    public void Compose_LinkMissingWhereRequired_Throws(EmailKind kind)
    {
        var request = TestCases.RequestFor(kind) with { Link = null };

        Assert.Throws<ArgumentException>(() => Composer().Compose(request));
    }

    [Fact]
    public void Compose_AdviceGuidanceWithoutAudience_Throws()
    {
        var request = TestCases.RequestFor(EmailKind.AdviceGuidance) with { Audience = null };

        Assert.Throws<ArgumentException>(() => Composer().Compose(request));
    }

    public static TheoryData<EmailKind, AdviceAudience, string[]> KeySentences() => new()
    {
        // §3.2.3 initial advice, the force's website, what happens next.
        { EmailKind.IntakeAcknowledgement, AdviceAudience.ParentCarer, ["Hello,", "The crime reference is", "has been recorded as a crime", "do not copy, save, print, forward or share it", "Do not ask a young person, or anyone else, to send you the imagery", "https://www.dcdhub.org/sexting", "What happens next", "Outcome 27 on UNIFI", "call 999"] },
        { EmailKind.SafeguardingAlert, AdviceAudience.ParentCarer, ["§3.2.2", "Immediate risk of harm", "Vulnerability described by the setting", TestCases.NotesMarker, "Alex Example", "dsl@exevalley.example", "Lee Adult"] },
        { EmailKind.AuthorisationRequest, AdviceAudience.ParentCarer, ["Proposed outcome: Outcome 21, recorded as Outcome 27 on UNIFI", "not in the public interest - police decision", "authorisation from a line manager (§3.4.3)", "Aggravating factors checked (SA028 §3.5.2, and the UKCIS 2024 initial review)", "Adult involved as perpetrators (SA028 §3.5.2): not found", "Exploitation (SA028 §3.5.2): not found", "Concerns about a young person's capacity to consent (UKCIS 2024, initial review): not found", "Public Protection Unit Detective Sergeant", "Youth Intervention Officer"] },
        { EmailKind.AuthorisationReminder, AdviceAudience.ParentCarer, ["Reminder", "no decision has been recorded yet", "new link", "Aggravating factors checked"] },
        { EmailKind.AuthorisationEscalation, AdviceAudience.ParentCarer, ["Escalation", "escalation contact", "has not answered", "Aggravating factors checked"] },
        { EmailKind.SafeguardingExpertConsultation, AdviceAudience.ParentCarer, ["Insp. Pat Manager, the line manager", "consult you as safeguarding expert", "§3.4.3", TestCases.RationaleMarker, "Aggravating factors checked"] },
        { EmailKind.SafeguardingAdviceRecorded, AdviceAudience.ParentCarer, ["Insp. Pat Manager, the safeguarding expert, recorded advice", "§3.4.3", TestCases.RationaleMarker, "/api/cases/"] },
        { EmailKind.InvestigationReferral, AdviceAudience.ParentCarer, ["Referred for investigation", "Aggravating factors found", "Adult involved as perpetrators", "At least one individual involved is under the age of 13", "YP2 was 12 on", "§1.2.2", "Alex Example", "Lee Adult"] },
        { EmailKind.YouthTeamNotification, AdviceAudience.ParentCarer, ["Dear Youth Intervention Officer", "(§3.4.8)", "Deliver by Monday 28 December 2026", "education and intervention", "Sexting: advice and guidance for young people, parents and carers", "Alex Example", "Sam Example", "record it here"] },
        { EmailKind.AdviceGuidance, AdviceAudience.ParentCarer, ["Dear Sam Example", "Sexting: advice and guidance for young people, parents and carers", "your child does not have a criminal record", "Disclosure and Barring Service (DBS)", "pattern of behaviour", "Outcome 27", "0344 381 4772", "https://www.childnet.com/", "0800 1111", "https://www.dcdhub.org/sexting", "do not ask your child or anyone else to send it to you"] },
        { EmailKind.AdviceGuidance, AdviceAudience.YoungPerson, ["Hello Sam Example", "Sexting: advice and guidance for young people, parents and carers", "you do not get a criminal record", "DBS check", "pattern of behaviour", "you lose control of it", "You can always say no", "0344 381 4772", "https://www.childnet.com/", "Report Remove"] },
        { EmailKind.SettingOutcome, AdviceAudience.ParentCarer, ["Dear Jo Bloggs", "The police will take no further action", "recorded as Outcome 27 on UNIFI", "do not have a criminal record", "Appendix C", "Youth Intervention Officer will contact you"] },
        { EmailKind.EducationReminder, AdviceAudience.ParentCarer, ["Education and intervention overdue", "was due by Monday 28 December 2026", "§3.4.7", "Alex Example", "once a day"] },
        { EmailKind.PolicyReviewReminder, AdviceAudience.ParentCarer, ["13 March 2020", "§5.1", "document owner", "Alliance Prevention Department", "Outcome 27", "Policy:NextReviewDate"] },
    };

    [Theory]
    [MemberData(nameof(KeySentences))]
    public void Compose_EachKind_SaysWhatThePolicyAsks(EmailKind kind, AdviceAudience audience, string[] sentences)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind, audience: audience));

        var visible = Visible(email.HtmlBody);
        foreach (var sentence in sentences)
        {
            Assert.Contains(sentence, email.TextBody, StringComparison.Ordinal);
            Assert.Contains(sentence, visible, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_SettingOutcomeForInvestigation_SaysPoliceWillInvestigateWithoutFactors()
    {
        var request = TestCases.RequestFor(EmailKind.SettingOutcome) with { Case = TestCases.Aggravated() };

        var email = Composer().Compose(request);

        Assert.Contains("The police will investigate this incident", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("no further action", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("under the age of 13", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee Adult", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SettingOutcomeOnceADeclinedCaseIsAccepted_SaysPoliceWillInvestigate()
    {
        // Contract §4.3, §10: declined (the route stays Outcome 21's), then accepted by an investigator.
        var accepted = TestCases.Declined().MoveTo(CaseStatus.UnderInvestigation) with
        {
            Investigation = new InvestigationRecord("DS Ivy Investigator", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), null, null),
        };

        var email = Composer().Compose(TestCases.RequestFor(EmailKind.SettingOutcome) with { Case = accepted });

        Assert.Contains("The police will investigate this incident", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("no further action", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_InvestigationReferralAfterDecline_GivesManagerAndRationale()
    {
        var request = TestCases.RequestFor(EmailKind.InvestigationReferral) with { Case = TestCases.Declined() };

        var email = Composer().Compose(request);

        Assert.Contains("Insp. Pat Manager, the line manager, declined to authorise it", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(TestCases.RationaleMarker, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(TestCases.RationaleMarker, email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Aggravating factors found", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DorsetCase_UsesOutcome21AndSaferSchoolsTeam()
    {
        var referral = TestCases.Referral(ForceArea.Dorset);

        var request = TestCases.RequestFor(EmailKind.AuthorisationRequest, referral);
        var authorisation = Composer().Compose(request);
        var youth = Composer().Compose(TestCases.RequestFor(EmailKind.YouthTeamNotification, referral));
        var setting = Composer().Compose(TestCases.RequestFor(EmailKind.SettingOutcome, referral));

        Assert.Equal("DO-2026-000042: Outcome 21 proposed - your authorisation is needed", authorisation.Subject);
        Assert.DoesNotContain("Outcome 27", authorisation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dear Safer Schools and Communities Team", youth.TextBody, StringComparison.Ordinal);
        Assert.Contains("(§3.4.9)", youth.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dorset Police", youth.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Appendix D", setting.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AdviceGuidance_AddressedToRecipientOnly()
    {
        var request = TestCases.RequestFor(EmailKind.AdviceGuidance, recipientName: "Chris Sample");

        var email = Composer().Compose(request);

        Assert.Contains("Dear Chris Sample", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Exe Valley", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo Bloggs", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", email.TextBody, StringComparison.Ordinal);
    }

    // What a reader of the HTML sees: the text without tags, entities decoded.
    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "", RegexOptions.None, TimeSpan.FromSeconds(5)));

    // Contract §3 (v2): the manager sees every factor's reason and source in the authorisation
    // email (a case can be on the Outcome 21 route with factors: a supervisor's return, §10).
    [Theory]
    [InlineData(EmailKind.AuthorisationRequest)]
    [InlineData(EmailKind.AuthorisationReminder)]
    [InlineData(EmailKind.AuthorisationEscalation)]
    public void Compose_AuthorisationWithFactors_EachFactorWithReasonAndCitation(EmailKind kind)
    {
        var referral = TestCases.Referral(concerns: Concerns.None with { CapacityToConsent = true, OtherAggravatingFactor = "Alex Example shared it to humiliate Jamie Sample" });
        var assessed = TestCases.Case(referral, Sexting.Core.Cases.CaseStatus.AwaitingAuthorisation);
        var request = TestCases.RequestFor(kind) with { Case = assessed };

        var email = Composer().Compose(request);

        foreach (var body in new[] { email.TextBody, WebUtility.HtmlDecode(Regex.Replace(email.HtmlBody, "<[^>]+>", "")) })
        {
            Assert.Contains("Concerns about a young person's capacity to consent (UKCIS 2024, initial review): The setting reported concerns about a young person's capacity to consent", body, StringComparison.Ordinal);
            Assert.Contains("Another aggravating factor given by the setting (SA028 §3.5.2): YP1 shared it to humiliate YP2", body, StringComparison.Ordinal);
            Assert.Contains("may not be the most appropriate action (§3.5.1)", body, StringComparison.Ordinal);
            Assert.DoesNotContain("No aggravating factor was found", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex Example", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    // Contract §2, §4.5 (v2): the youth team is told which parent or carer not to contact.
    [Fact]
    public void Compose_YouthTeamNotificationParentNotSafe_SaysSoAndNamesTheReference()
    {
        var referral = TestCases.Referral(people: [TestCases.Alex with { ParentCarer = new ParentCarer("Sam Example", "sam@family.example") { SafeToContact = false } }, TestCases.Jamie]);

        var email = Composer().Compose(TestCases.RequestFor(EmailKind.YouthTeamNotification, referral));

        Assert.Contains("IMPORTANT: the setting says it is not safe to contact the parent or carer of YP1.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("NOT SAFE TO CONTACT their parent or carer", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("not safe to contact the parent or carer of YP1", email.HtmlBody, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(email.TextBody, "NOT SAFE TO CONTACT"));
    }

    [Fact]
    public void Compose_YouthTeamNotificationAllParentsSafe_NoWarning()
    {
        var email = Composer().Compose(TestCases.RequestFor(EmailKind.YouthTeamNotification));

        Assert.DoesNotContain("IMPORTANT", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT SAFE TO CONTACT", email.TextBody, StringComparison.Ordinal);
    }

    // UKCIS 2020, updated March 2024, replaced "Sexting in schools and colleges" (2016).
    [Theory]
    [MemberData(nameof(KindsAndAudiences))]
    public void Compose_EveryKind_NeverPointsAtThe2016Guidance(EmailKind kind, AdviceAudience audience)
    {
        var email = Composer().Compose(TestCases.RequestFor(kind, audience: audience));

        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("Sexting in schools", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Council for Child Internet Safety", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_SettingOutcome_PointsAtTheUkcisGuidance()
    {
        var email = Composer().Compose(TestCases.RequestFor(EmailKind.SettingOutcome));

        Assert.Contains("Sharing nudes and semi-nudes: advice for education settings working with children and young people", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(EmailModel.UkcisGuidance, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{EmailModel.UkcisGuidance}\"", email.HtmlBody, StringComparison.Ordinal);
    }

    // Contract §1 (v2): a force onboarded by configuration has its own wording in every email.
    [Theory]
    [MemberData(nameof(KindsAndAudiences))]
    public void Compose_ConfiguredThirdForce_ItsWordingAndNoAllianceText(EmailKind kind, AdviceAudience audience)
    {
        if (kind == EmailKind.PolicyReviewReminder)
        {
            return; // not about a case
        }

        var composer = new FluidEmailComposer(Templates, Options.Create(new PublicLinkOptions()), TestCases.Forces);
        var request = TestCases.RequestFor(kind, TestCases.Referral(ForceArea.Of("Kent")), audience);

        var email = composer.Compose(request);

        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("Devon and Cornwall", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Dorset", body, StringComparison.Ordinal);
            Assert.DoesNotContain("UNIFI", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Appendix C", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" on )", body, StringComparison.Ordinal);
            Assert.DoesNotContain("§)", body, StringComparison.Ordinal);
        }

        if (kind is EmailKind.AuthorisationRequest or EmailKind.YouthTeamNotification or EmailKind.InvestigationReferral)
        {
            Assert.Contains("Kent Police", email.TextBody, StringComparison.Ordinal);
        }

        if (kind is EmailKind.AuthorisationRequest)
        {
            Assert.Contains("Outcome 21K", email.Subject, StringComparison.Ordinal);
            Assert.Contains("Schools Officer Team", email.TextBody, StringComparison.Ordinal);
        }
    }

    private static FluidEmailComposer Composer() =>
        new(Templates, Options.Create(new PublicLinkOptions()));

    // The layout's message column: the one div with a max-width.
    [GeneratedRegex("""<div style="(max-width:[^"]*)">""")]
    private static partial Regex MessageColumn();
}
