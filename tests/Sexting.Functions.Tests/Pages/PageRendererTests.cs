using System.Text.RegularExpressions;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Pages.Intake;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Pages;

public sealed partial class PageRendererTests
{
    private const string Token = "0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static TheoryData<string> PageNames => new(AllPages().Keys);

    private static Dictionary<string, string> AllPages()
    {
        var hostileForm = ReferralFormValues.FromForm(
            ReferralFormMapperTests.CompleteForm().ToDictionary(f => f.Key, f => f.Value.Contains('@', StringComparison.Ordinal) ? f.Value : SampleCases.HostileText));
        return new()
        {
            ["form"] = PageFactory.Form.Render(ReferralFormValues.Blank(Guid.NewGuid())),
            ["form-hostile-with-errors"] = PageFactory.Form.Render(hostileForm, new Dictionary<string, string[]> { ["setting.name"] = [SampleCases.HostileText], ["weird<key>"] = [SampleCases.HostileText] }),
            ["receipt"] = PageFactory.Receipt.Render("DC-2026-000001", "0123456789abcdef0123456789abcdef", new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)),
            ["confirmation"] = PageFactory.Confirmation.Render(SampleCases.Hostile(), Token, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)),
            ["confirmation-confirmed"] = PageFactory.Confirmation.RenderConfirmed(SampleCases.Hostile()),
            ["approval"] = PageFactory.Approval.Render(SampleCases.Hostile(), Token),
            ["approval-errors"] = PageFactory.Approval.Render(SampleCases.Hostile(), Token, new ApprovalForm(SampleCases.HostileText, SampleCases.HostileText), new ApprovalForm(SampleCases.HostileText, "").Validate().Errors),
            ["approval-authorised"] = PageFactory.ApprovalConfirmation.Render(SampleCases.Hostile(), ApprovalDecision.Authorise),
            ["approval-declined"] = PageFactory.ApprovalConfirmation.Render(SampleCases.Hostile(), ApprovalDecision.Decline),
            ["approval-consulted"] = PageFactory.ApprovalConfirmation.Render(SampleCases.Hostile(), ApprovalDecision.Consult),
            ["education"] = PageFactory.Education.Render(SampleCases.Hostile(), Token, new EducationForm(SampleCases.HostileText, [SampleCases.HostileText])),
            ["education-confirmed"] = PageFactory.EducationConfirmation.Render(SampleCases.Hostile()),
            ["link-unknown"] = PageFactory.LinkProblem.Render(LinkProblem.Unknown),
            ["link-expired"] = PageFactory.LinkProblem.Render(LinkProblem.Expired),
            ["link-used"] = PageFactory.LinkProblem.Render(LinkProblem.AlreadyUsed),
            ["link-no-longer-awaiting"] = PageFactory.LinkProblem.Render(LinkProblem.NoLongerAwaiting),
            ["link-not-permitted"] = PageFactory.LinkProblem.Render(LinkProblem.NotPermitted),
        };
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_HostileText_IsEncodedNeverMarkup(string page)
    {
        var html = AllPages()[page];

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=alert(1)>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'x')", html, StringComparison.Ordinal);
        // The only scripts are the app's own module, by URL; no inline script or style (CSP).
        Assert.Single(ScriptTag().Matches(html));
        Assert.Matches("""<script type="module" src="/api/assets/app\.[0-9a-f]{12}\.js"></script>""", html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", OpenTags(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_AppearsEncoded()
    {
        var html = AllPages()["approval"];

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&gt;&lt;img", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_AnyPage_HasNoFileInputAndTheLayout(string page)
    {
        var html = AllPages()[page];

        Assert.DoesNotContain("type=\"file\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("multipart", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"en-GB\"", html, StringComparison.Ordinal);
        Assert.Contains("<body class=\"govuk-template__body govuk-frontend-supported\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main-content\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"main-content\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GOV.UK", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_DecisionPages_ShowNoYoungPersonNameOrContact(string page)
    {
        var html = AllPages()[page];
        var title = Title().Match(html).Groups[1].Value;

        foreach (var personal in new[] { SampleCases.YoungPersonName, SampleCases.OtherYoungPersonName, SampleCases.ParentName, "alex@pupil.example", "pat@family.example", "Jo Bloggs" })
        {
            if (!page.StartsWith("form", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(personal, title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("approval")]
    [InlineData("education")]
    public void Render_DecisionPageWithNamesInSummary_ShowsReferencesNeverNamesNorBidiControls(string page)
    {
        // Contract §5: no young person's name on a decision page, even where the school typed it
        // into the free text; and what the email strips (U+202E, "Trojan Source") the page strips too.
        var summary = $"{SampleCases.YoungPersonName} sent a picture to {SampleCases.OtherYoungPersonName.ToUpperInvariant()}.\nLater Sam showed it to \u202Eelpoep rehto\u202C the friends of Alex.";
        var record = SampleCases.AwaitingAuthorisation(summaryText: summary, settingName: "Exe \u202EValley\u202C Academy");
        var html = page == "approval"
            ? PageFactory.Approval.Render(record, Token)
            : PageFactory.Education.Render(SampleCases.InEducation() with { Referral = record.Referral }, Token);

        foreach (var name in new[] { "Alex", "Example", "Sam", "Sample", "SAM SAMPLE" })
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }

        Assert.Contains("YP1 sent a picture to YP2.", html, StringComparison.Ordinal);
        Assert.Contains("Exe Valley Academy", html, StringComparison.Ordinal);
        Assert.Contains("Later YP2 showed it to elpoep rehto the friends of YP1.", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
        Assert.DoesNotContain('\u202C', html);
    }

    [Fact]
    public void Render_Approval_ShowsReferencesAgesRolesAndLocalOutcome()
    {
        var html = PageFactory.Approval.Render(SampleCases.AwaitingAuthorisation(ForceArea.DevonAndCornwall), Token);

        Assert.Contains("DC-2026-000001", html, StringComparison.Ordinal);
        Assert.Contains("YP1: aged 15, sent or shared it", html, StringComparison.Ordinal);
        Assert.Contains("YP2: aged 15, received it", html, StringComparison.Ordinal);
        Assert.Contains("Outcome 27 on UNIFI", html, StringComparison.Ordinal);
        Assert.Contains("None found", html, StringComparison.Ordinal);
        Assert.Contains("The school described a vulnerability", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/approvals/{Token}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"authorise\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"decline\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"consult\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ApprovalWithErrors_LinksEachErrorToItsField()
    {
        var (decision, errors) = new ApprovalForm("authorise", " ").Validate();
        var html = PageFactory.Approval.Render(SampleCases.AwaitingAuthorisation(), Token, new ApprovalForm("authorise", " "), errors);

        Assert.Null(decision);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#rationale\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"rationale-error\"", html, StringComparison.Ordinal);
        // Who decides is the signed-in person (contract §5, §9): no name to type.
        Assert.DoesNotContain("managerName", html, StringComparison.Ordinal);
        Assert.Contains("value=\"authorise\" checked", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consult", "", ApprovalDecision.Consult)]
    [InlineData("authorise", "Low risk", ApprovalDecision.Authorise)]
    [InlineData("decline", "Pattern", ApprovalDecision.Decline)]
    public void Validate_CompleteApprovalForm_GivesTheDecision(string decision, string rationale, ApprovalDecision expected)
    {
        var (result, errors) = new ApprovalForm(decision, rationale).Validate();

        Assert.Empty(errors);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("approve", "x", "decision")]
    [InlineData("decline", "", "rationale")]
    [InlineData("authorise", " ", "rationale")]
    public void Validate_BadApprovalForm_NamesTheField(string decision, string rationale, string field)
    {
        var (result, errors) = new ApprovalForm(decision, rationale).Validate();

        Assert.Null(result);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Validate_EducationForm_OnlyThisCasesYoungPeople()
    {
        Assert.Empty(new EducationForm("", ["YP1", "YP2"]).Validate(["YP1", "YP2"]));
        Assert.Empty(new EducationForm("Session held", []).Validate(["YP1"]));
        Assert.Contains("delivered.YP9", new EducationForm("", ["YP1", "YP9"]).Validate(["YP1", "YP2"]).Keys);
    }

    [Fact]
    public void Render_FormWithErrors_SummaryLinksToFieldsInFormOrderAndTitleSaysError()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["youngPeople[0].dateOfBirth"] = ["Must be a real date written YYYY-MM-DD."],
            ["setting.name"] = ["Required."],
            ["forceArea"] = ["Required."],
        };

        var html = PageFactory.Form.Render(ReferralFormValues.Blank(Guid.NewGuid()), errors);

        Assert.StartsWith("Error: ", Title().Match(html).Groups[1].Value, StringComparison.Ordinal);
        var links = SummaryLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["forceArea", "setting-name", "youngPeople-0-dateOfBirth-day"], links);
        Assert.Contains("Enter young person 1’s date of birth as a real date", html, StringComparison.Ordinal);
        Assert.Contains("Enter the name of the school or college", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Form_HasEveryConcernAndPostsFormEncodedWithSubmissionId()
    {
        var id = Guid.NewGuid();
        var html = PageFactory.Form.Render(ReferralFormValues.Blank(id));

        Assert.Contains("<form method=\"post\" action=\"/api/referrals\" enctype=\"application/x-www-form-urlencoded\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"submissionId\" value=\"{id}\"", html, StringComparison.Ordinal);
        foreach (var flag in ReferralFormFields.ConcernFlags)
        {
            Assert.Contains($"name=\"{flag}\" type=\"checkbox\" value=\"true\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("A young person may have been groomed", html, StringComparison.Ordinal); // v2: the UKCIS initial review's plain words
        Assert.Contains("There are concerns about a young person’s capacity to consent", html, StringComparison.Ordinal);
        Assert.Contains("Blackmail/ coercion", html, StringComparison.Ordinal);
        Assert.Contains("never be attached, copied, forwarded", html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"4000\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"youngPeople[0].dateOfBirth-year\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"youngPeople[1].name\"", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/api/form?people=2\" formmethod=\"post\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormWithThreePeople_RendersThreeSectionsWithValues()
    {
        var values = ReferralFormValues.FromForm(new Dictionary<string, string> { ["youngPeople[0].name"] = "A", ["youngPeople[1].name"] = "B" }).WithYoungPeople(3);

        var html = PageFactory.Form.Render(values);

        Assert.Contains("name=\"youngPeople[1].name\" type=\"text\" value=\"B\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"youngPeople[2].name\" type=\"text\" value=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/api/form?people=4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkProblem_Statuses_AreThoseOfContractSection5()
    {
        Assert.Equal(404, LinkProblemPage.StatusCodeOf(LinkProblem.Unknown));
        Assert.Equal(410, LinkProblemPage.StatusCodeOf(LinkProblem.Expired));
        Assert.Equal(410, LinkProblemPage.StatusCodeOf(LinkProblem.AlreadyUsed));
        Assert.Equal(410, LinkProblemPage.StatusCodeOf(LinkProblem.NoLongerAwaiting));
        Assert.Equal(LinkProblem.AlreadyUsed, LinkProblemPage.ProblemOf(Sexting.Core.Links.LinkState.Used));
    }

    private static string OpenTags(string html) => string.Concat(Tag().Matches(html).Select(m => m.Value.Split('"').Where((_, i) => i % 2 == 0).Aggregate("", string.Concat)));

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("""<li><a href="#([^"]+)">""")]
    private static partial Regex SummaryLink();

    [GeneratedRegex("<[a-z][^>]*>")]
    private static partial Regex Tag();
}
