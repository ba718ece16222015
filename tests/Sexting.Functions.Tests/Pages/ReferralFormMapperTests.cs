using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Referrals;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Tests.Pages;

public sealed class ReferralFormMapperTests
{
    private static readonly ReferralParser Parser = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));

    internal static Dictionary<string, string> CompleteForm() => new()
    {
        ["submissionId"] = "3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60",
        ["forceArea"] = "DevonAndCornwall",
        ["setting.name"] = "Exe Valley Academy",
        ["setting.urn"] = "123456",
        ["setting.postcode"] = "EX1 1AA",
        ["reporter.name"] = "Jo Bloggs",
        ["reporter.role"] = "DesignatedSafeguardingLead",
        ["reporter.email"] = "dsl@exevalley.example",
        ["reporter.phone"] = "01392 000000",
        ["incident.discoveredOn-day"] = "20",
        ["incident.discoveredOn-month"] = "11",
        ["incident.discoveredOn-year"] = "2026",
        ["incident.summary"] = "Two pupils exchanged images.",
        ["youngPeople[0].name"] = "Alex Example",
        ["youngPeople[0].dateOfBirth-day"] = "1",
        ["youngPeople[0].dateOfBirth-month"] = "5",
        ["youngPeople[0].dateOfBirth-year"] = "2011",
        ["youngPeople[0].role"] = "Sender",
        ["youngPeople[0].parentCarer.name"] = "Sam Example",
        ["youngPeople[0].parentCarer.email"] = "sam@family.example",
        ["concerns.grooming"] = "true",
        ["concerns.vulnerabilityNotes"] = "Needs support.",
        ["imageryHandling.viewedBySetting"] = "true",
    };

    private static ReferralParseResult Parse(Dictionary<string, string> fields) =>
        Parser.Parse(ReferralFormMapper.ToJson(ReferralFormValues.FromForm(fields)).ToJsonString());

    [Fact]
    public void ToJson_CompleteForm_ParsesAsValidReferral()
    {
        var result = Parse(CompleteForm());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(",", e.Value))));
        var referral = result.Referral!;
        Assert.Equal(ForceArea.DevonAndCornwall, referral.ForceArea);
        Assert.Equal(Guid.Parse("3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60"), referral.SubmissionId);
        Assert.Equal(new DateOnly(2026, 11, 20), referral.Incident.DiscoveredOn);
        var person = Assert.Single(referral.YoungPeople);
        Assert.Equal(new DateOnly(2011, 5, 1), person.DateOfBirth);
        Assert.Equal(YoungPersonRole.Sender, person.Role);
        Assert.Equal("sam@family.example", person.ParentCarer!.Email);
        Assert.True(referral.Concerns.Grooming);
        Assert.False(referral.Concerns.Exploitation);
        Assert.Equal("Needs support.", referral.Concerns.VulnerabilityNotes);
        Assert.True(referral.ImageryHandling.ViewedBySetting);
        Assert.False(referral.ImageryHandling.CopiedOrStoredBySetting);
        Assert.Empty(referral.AdultsInvolved);
    }

    [Fact]
    public void ToJson_CompleteForm_HasTheShapeOfContractSection2()
    {
        var json = ReferralFormMapper.ToJson(ReferralFormValues.FromForm(CompleteForm()));

        Assert.Equal("Exe Valley Academy", (string?)json["setting"]!["name"]);
        Assert.Equal("2026-11-20", (string?)json["incident"]!["discoveredOn"]);
        Assert.Equal("2011-05-01", (string?)json["youngPeople"]![0]!["dateOfBirth"]);
        Assert.Equal(JsonValueKind.True, json["concerns"]!["grooming"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, json["concerns"]!["profitMotive"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, json["incident"]!["sharedBeyondIntendedRecipient"]!.GetValueKind());
    }

    [Fact]
    public void ToJson_BlankForm_ReportsEveryRequiredFieldByJsonPath()
    {
        var result = Parse(new Dictionary<string, string> { ["submissionId"] = Guid.NewGuid().ToString() });

        Assert.False(result.IsValid);
        Assert.Equal(
            ["forceArea", "incident.discoveredOn", "incident.summary", "reporter.email", "reporter.name", "setting.name", "youngPeople[0].dateOfBirth", "youngPeople[0].name"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("31", "2", "2011")]
    [InlineData("1", "13", "2011")]
    [InlineData("1", "5", "11")]
    [InlineData("x", "5", "2011")]
    [InlineData("", "5", "2011")]
    public void ToJson_NotARealDate_ParserReportsTheDate(string day, string month, string year)
    {
        var form = CompleteForm();
        form["youngPeople[0].dateOfBirth-day"] = day;
        form["youngPeople[0].dateOfBirth-month"] = month;
        form["youngPeople[0].dateOfBirth-year"] = year;

        var result = Parse(form);

        Assert.Contains("youngPeople[0].dateOfBirth", result.Errors.Keys);
    }

    [Fact]
    public void FromForm_GapsAndBlankSections_RenumbersYoungPeopleInPostedOrder()
    {
        var form = CompleteForm();
        form["youngPeople[3].name"] = "Sam Sample";
        form["youngPeople[3].dateOfBirth-day"] = "12";
        form["youngPeople[3].dateOfBirth-month"] = "9";
        form["youngPeople[3].dateOfBirth-year"] = "2011";
        form["youngPeople[1].name"] = " ";
        form["youngPeople[1].email"] = "";

        var values = ReferralFormValues.FromForm(form);
        var result = Parse(form);

        Assert.Equal(2, values.YoungPeopleCount);
        Assert.Equal("Sam Sample", values["youngPeople[1].name"]);
        Assert.True(result.IsValid);
        Assert.Equal(["Alex Example", "Sam Sample"], result.Referral!.YoungPeople.Select(p => p.Name));
        Assert.Equal(["YP1", "YP2"], result.Referral.YoungPeople.Select(p => p.Reference));
    }

    [Fact]
    public void ToJson_UnknownFields_AreNotCopiedIntoTheJson()
    {
        var form = CompleteForm();
        form["setting.secret"] = "x";
        form["status"] = "Closed";
        form["youngPeople[0].extra"] = "y";

        var json = ReferralFormMapper.ToJson(ReferralFormValues.FromForm(form)).ToJsonString();

        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed", json, StringComparison.Ordinal);
        Assert.DoesNotContain("extra", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_AdultDescribed_AddsAdultInvolved()
    {
        var form = CompleteForm();
        form["adultsInvolved[0].description"] = "A 19-year-old former pupil";

        var result = Parse(form);

        Assert.Equal("A 19-year-old former pupil", Assert.Single(result.Referral!.AdultsInvolved).Description);
    }

    [Fact]
    public void ToJson_ImageryPastedAsDataUri_ParserRefusesIt()
    {
        var form = CompleteForm();
        form["incident.summary"] = "see data:image/png;base64,iVBORw0KGgo=";

        var result = Parse(form);

        Assert.Contains("incident.summary", result.Errors.Keys);
    }

    [Theory]
    [InlineData("forceArea", "forceArea")]
    [InlineData("setting.name", "setting-name")]
    [InlineData("reporter.role", "reporter-role")]
    [InlineData("incident.discoveredOn", "incident-discoveredOn-day")]
    [InlineData("incident.summary", "incident-summary")]
    [InlineData("youngPeople", "youngPeople-0-name")]
    [InlineData("youngPeople[2]", "youngPeople-2-name")]
    [InlineData("youngPeople[0].dateOfBirth", "youngPeople-0-dateOfBirth-day")]
    [InlineData("youngPeople[1].parentCarer.email", "youngPeople-1-parentCarer-email")]
    [InlineData("adultsInvolved[0]", "adultsInvolved-0-name")]
    [InlineData("submissionId", "main-content")]
    [InlineData("$", "main-content")]
    public void FieldIdFor_ErrorKey_IsTheIdOfTheFieldInTheForm(string errorKey, string expectedId)
    {
        Assert.Equal(expectedId, ReferralFormMapper.FieldIdFor(errorKey));
    }

    [Fact]
    public void FieldIdFor_EveryErrorOfABlankForm_LinksToAnElementOnTheRenderedForm()
    {
        var values = ReferralFormValues.FromForm(new Dictionary<string, string>());
        var result = Parse(new Dictionary<string, string>());
        var html = PageFactory.Form.Render(values, result.Errors);

        foreach (var key in result.Errors.Keys)
        {
            var id = ReferralFormMapper.FieldIdFor(key);
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"#{id}\"", html, StringComparison.Ordinal);
        }
    }
}
