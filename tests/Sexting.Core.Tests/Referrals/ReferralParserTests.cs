using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Referrals;

public sealed class ReferralParserTests
{
    private static ReferralParseResult ParseWith(Action<JsonObject> change)
    {
        var json = TestReferrals.ValidJson();
        change(json);
        return TestReferrals.Parse(json);
    }

    private static void AssertOnlyError(ReferralParseResult result, string key)
    {
        Assert.False(result.IsValid);
        Assert.Equal([key], result.Errors.Keys);
    }

    [Fact]
    public void Parse_ContractExample_ParsesEveryField()
    {
        var referral = TestReferrals.Parse();

        Assert.Equal(Guid.Parse("3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60"), referral.SubmissionId);
        Assert.Equal(ForceArea.DevonAndCornwall, referral.ForceArea);
        Assert.Equal(new Setting("Exe Valley Academy", "123456", "EX1 1AA"), referral.Setting);
        Assert.Equal(new Reporter("Jo Bloggs", ReporterRole.DesignatedSafeguardingLead, "dsl@exevalley.example", "01392 000000"), referral.Reporter);
        Assert.Equal(new DateOnly(2026, 11, 20), referral.Incident.DiscoveredOn);
        var yp1 = referral.YoungPeople[0];
        Assert.Equal(("YP1", "Alex Example", new DateOnly(2011, 5, 1), 15, YoungPersonRole.Sender), (yp1.Reference, yp1.Name, yp1.DateOfBirth, yp1.AgeOnDiscovery, yp1.Role));
        Assert.Equal(new ParentCarer("Sam Example", "sam@family.example"), yp1.ParentCarer);
        Assert.Null(yp1.Email);
        Assert.Null(referral.YoungPeople[1].ParentCarer);
    }

    [Fact]
    public void Parse_MinimalReferral_DefaultsFilledIn()
    {
        var result = TestReferrals.Parse(JsonNode.Parse("""
            { "forceArea": "Dorset", "setting": { "name": "S" }, "reporter": { "name": "R", "email": "r@s.example" },
              "incident": { "discoveredOn": "2026-11-28", "summary": "x" },
              "youngPeople": [ { "name": "A", "dateOfBirth": "2012-01-01" } ] }
            """)!.AsObject());

        Assert.True(result.IsValid);
        var referral = result.Referral!;
        Assert.Null(referral.SubmissionId);
        Assert.Equal(ReporterRole.Other, referral.Reporter.Role);
        Assert.Equal("YP1", referral.YoungPeople[0].Reference);
        Assert.Equal(YoungPersonRole.Other, referral.YoungPeople[0].Role);
        Assert.Equal(Concerns.None, referral.Concerns);
        Assert.Empty(referral.AdultsInvolved);
    }

    // Contract §2 "Required": each missing field reported at its JSON path.
    [Theory]
    [InlineData("forceArea")]
    [InlineData("setting")]
    [InlineData("setting.name")]
    [InlineData("reporter")]
    [InlineData("reporter.name")]
    [InlineData("reporter.email")]
    [InlineData("incident")]
    [InlineData("incident.discoveredOn")]
    [InlineData("incident.summary")]
    [InlineData("youngPeople")]
    [InlineData("youngPeople[0].name")]
    [InlineData("youngPeople[0].dateOfBirth")]
    public void Parse_RequiredFieldMissing_ErrorAtItsPath(string path)
    {
        var result = ParseWith(j => Remove(j, path));

        Assert.False(result.IsValid);
        Assert.Contains(path, result.Errors.Keys);
        Assert.Contains("Required.", result.Errors[path]);
    }

    [Theory]
    [InlineData("setting.name", "   ")]
    [InlineData("reporter.name", "")]
    [InlineData("incident.summary", " \n ")]
    public void Parse_RequiredFieldBlank_Required(string path, string value)
    {
        var result = ParseWith(j => Set(j, path, value));

        AssertOnlyError(result, path);
        Assert.Equal(["Required."], result.Errors[path]);
    }

    [Fact]
    public void Parse_ManyErrors_AllReportedAtOnce()
    {
        var result = ParseWith(j =>
        {
            j["forceArea"] = "Kent";
            j["reporter"]!["email"] = "not-an-email";
            j["youngPeople"]![1]!["dateOfBirth"] = "2011-02-30";
        });

        Assert.Equal(["forceArea", "reporter.email", "youngPeople[1].dateOfBirth"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    // Contract §2 enum values: names exactly as written.
    [Theory]
    [InlineData("forceArea", "Kent")]
    [InlineData("forceArea", "dorset")]
    [InlineData("forceArea", 1)]
    [InlineData("reporter.role", "Caretaker")]
    [InlineData("youngPeople[0].role", "Bystander")]
    public void Parse_UnknownEnumValue_Error(string path, object value)
    {
        var result = ParseWith(j => Set(j, path, value is string s ? JsonValue.Create(s) : JsonValue.Create((int)value)));

        AssertOnlyError(result, path);
        Assert.StartsWith("Must be one of:", result.Errors[path][0], StringComparison.Ordinal);
    }

    // Contract §2: real dates only, written YYYY-MM-DD.
    [Theory]
    [InlineData("incident.discoveredOn", "2026-02-30")]
    [InlineData("incident.discoveredOn", "20/11/2026")]
    [InlineData("incident.discoveredOn", "2026-11-20T00:00:00Z")]
    [InlineData("youngPeople[0].dateOfBirth", "2011-13-01")]
    [InlineData("youngPeople[0].dateOfBirth", "2014-02-29")]
    [InlineData("youngPeople[0].dateOfBirth", "yesterday")]
    [InlineData("youngPeople[0].dateOfBirth", "1850-01-01")]
    public void Parse_NotARealDate_Error(string path, string value)
    {
        var result = ParseWith(j => Set(j, path, value));

        Assert.Contains(path, result.Errors.Keys);
        Assert.Contains("Must be a real date written YYYY-MM-DD.", result.Errors[path]);
    }

    [Theory]
    [InlineData("2012-02-29", true)]
    [InlineData("2011-02-29", false)]
    public void Parse_LeapDay_OnlyInLeapYears(string dateOfBirth, bool valid)
    {
        Assert.Equal(valid, ParseWith(j => j["youngPeople"]![0]!["dateOfBirth"] = dateOfBirth).IsValid);
    }

    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-21")]
    public void Parse_DateOfBirthOnOrAfterDiscovery_Error(string dateOfBirth)
    {
        var result = ParseWith(j => j["youngPeople"]![0]!["dateOfBirth"] = dateOfBirth);

        AssertOnlyError(result, "youngPeople[0].dateOfBirth");
        Assert.Equal(["The date of birth must be before the date the incident was discovered."], result.Errors["youngPeople[0].dateOfBirth"]);
    }

    [Theory]
    [InlineData("2026-11-28", "2026-11-28T12:00:00Z", true, "today is allowed")]
    [InlineData("2026-11-29", "2026-11-28T12:00:00Z", false, "tomorrow is in the future")]
    [InlineData("2026-07-02", "2026-07-01T23:30:00Z", true, "00:30 British Summer Time on 2 July: already 2 July in the UK")]
    [InlineData("2026-07-02", "2026-07-01T22:30:00Z", false, "23:30 BST on 1 July: 2 July is still the future")]
    public void Parse_DiscoveredOnVersusUkToday_Expected(string discoveredOn, string now, bool valid, string because)
    {
        var json = TestReferrals.ValidJson();
        json["incident"]!["discoveredOn"] = discoveredOn;
        TestReferrals.People(json, "2011-01-01");
        var parser = new ReferralParser(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        var result = parser.Parse(json.ToJsonString());

        Assert.True(valid == result.IsValid, $"{because}: expected valid {valid}, got {result.IsValid}");
        if (!valid)
        {
            Assert.Equal(["The date discovered cannot be in the future."], result.Errors["incident.discoveredOn"]);
        }
    }

    [Theory]
    [InlineData("reporter.email", "dsl@exevalley")]
    [InlineData("reporter.email", "dsl exevalley.example")]
    [InlineData("reporter.email", "Jo <dsl@exevalley.example>")]
    [InlineData("reporter.email", "@exevalley.example")]
    [InlineData("reporter.email", "dsl@@exevalley.example")]
    [InlineData("reporter.email", "dsl@exevalley..example")]
    [InlineData("youngPeople[0].email", "alex@")]
    [InlineData("youngPeople[0].parentCarer.email", "sam(at)family.example")]
    public void Parse_BadEmail_Error(string path, string value)
    {
        var result = ParseWith(j => Set(j, path, value));

        AssertOnlyError(result, path);
        Assert.Equal(["Must be an email address such as name@school.example."], result.Errors[path]);
    }

    [Fact]
    public void Parse_EmailWithNewline_Refused()
    {
        var result = ParseWith(j => j["reporter"]!["email"] = "dsl@exevalley.example\r\nBcc: x@y.example");

        AssertOnlyError(result, "reporter.email");
    }

    // Contract §2 and issue limits: summary 4000, names 200, at most 20 young people.
    [Theory]
    [InlineData("incident.summary", 4000, true)]
    [InlineData("incident.summary", 4001, false)]
    [InlineData("setting.name", 200, true)]
    [InlineData("setting.name", 201, false)]
    [InlineData("reporter.name", 201, false)]
    [InlineData("youngPeople[0].name", 200, true)]
    [InlineData("youngPeople[0].name", 201, false)]
    [InlineData("youngPeople[0].parentCarer.name", 201, false)]
    [InlineData("concerns.vulnerabilityNotes", 4001, false)]
    public void Parse_LengthLimit_Expected(string path, int length, bool valid)
    {
        var text = string.Concat(Enumerable.Repeat("Ab c", length))[..length];

        var result = ParseWith(j => Set(j, path, text));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertOnlyError(result, path);
        }
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    [InlineData(0, false)]
    public void Parse_NumberOfYoungPeople_Limited(int count, bool valid)
    {
        var result = ParseWith(j => TestReferrals.People(j, Enumerable.Repeat("2011-06-01", count).ToArray()));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertOnlyError(result, "youngPeople");
        }
    }

    [Fact]
    public void Parse_DuplicateReference_Error()
    {
        var result = ParseWith(j => j["youngPeople"]![1]!["reference"] = "yp1");

        AssertOnlyError(result, "youngPeople[1].reference");
    }

    // §3.2.3: the imagery itself is never accepted, in any text field.
    [Theory]
    [InlineData("incident.summary", "See data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("incident.summary", "DATA:image/jpeg,abc")]
    [InlineData("setting.name", "data:;base64,AAAA")]
    [InlineData("concerns.vulnerabilityNotes", "data:application/octet-stream;base64,AAAA")]
    [InlineData("youngPeople[0].name", "data:image/gif;base64,R0lGOD")]
    [InlineData("unknownField", "data:image/png;base64,iVBORw0KGgo=")]
    public void Parse_DataUri_Refused(string path, string value)
    {
        var result = ParseWith(j => Set(j, path, value));

        Assert.Contains(path, result.Errors.Keys);
        Assert.Contains("Images must never be attached, copied or sent, even encoded as text (SA028 §3.2.3).", result.Errors[path]);
    }

    [Fact]
    public void Parse_LongBase64Run_Refused()
    {
        var base64 = Convert.ToBase64String(Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray());

        var result = ParseWith(j => j["incident"]!["summary"] = "Here it is: " + base64);

        AssertOnlyError(result, "incident.summary");
    }

    [Theory]
    [InlineData("The data: what we know is that the image was shared on Tuesday.")]
    [InlineData("Shared via https://chat.example/rooms/abc-def/messages?id=12345 at break time.")]
    public void Parse_OrdinaryText_NotMistakenForImagery(string summary)
    {
        Assert.True(ParseWith(j => j["incident"]!["summary"] = summary).IsValid);
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("\"text\"", "$")]
    [InlineData("{", "$")]
    [InlineData("null", "$")]
    public void Parse_NotAnObject_ErrorAtRoot(string body, string key)
    {
        var result = new ReferralParser(TestReferrals.Clock()).Parse(body);

        AssertOnlyError(result, key);
    }

    [Fact]
    public void Parse_DeepNesting_ErrorNotException()
    {
        var body = "{\"x\":" + new string('[', 200) + new string(']', 200) + "}";

        var result = new ReferralParser(TestReferrals.Clock()).Parse(body);

        AssertOnlyError(result, "$");
    }

    [Theory]
    [InlineData("setting", "\"Exe Valley\"", "setting")]
    [InlineData("youngPeople", "{}", "youngPeople")]
    [InlineData("incident.sharedBeyondIntendedRecipient", "\"yes\"", "incident.sharedBeyondIntendedRecipient")]
    [InlineData("concerns.grooming", "1", "concerns.grooming")]
    [InlineData("setting.name", "42", "setting.name")]
    [InlineData("submissionId", "\"not-a-guid\"", "submissionId")]
    [InlineData("adultsInvolved", "[{}]", "adultsInvolved[0]")]
    [InlineData("adultsInvolved", "[\"x\"]", "adultsInvolved[0]")]
    [InlineData("youngPeople", "[null]", "youngPeople[0]")]
    public void Parse_WrongType_ErrorAtPath(string path, string json, string key)
    {
        var result = ParseWith(j => Set(j, path, JsonNode.Parse(json)));

        AssertOnlyError(result, key);
    }

    [Fact]
    public void Parse_ControlCharacterInName_Refused()
    {
        AssertOnlyError(ParseWith(j => j["setting"]!["name"] = "Exe\u0000Valley"), "setting.name");
    }

    [Fact]
    public void Parse_NewlinesInSummary_Allowed()
    {
        Assert.True(ParseWith(j => j["incident"]!["summary"] = "Line one.\r\nLine two.\tTabbed.").IsValid);
    }

    [Fact]
    public void Parse_TooManyAdults_Error()
    {
        var adults = new JsonArray(Enumerable.Range(0, 21).Select(_ => (JsonNode)new JsonObject { ["name"] = "An adult" }).ToArray());

        AssertOnlyError(ParseWith(j => j["adultsInvolved"] = adults), "adultsInvolved");
    }

    // Contract §2 (v2): Unicode format (Cf) and separator (Zs other than the space, Zl, Zp)
    // characters are refused like control characters, in every text field. Each of these was
    // accepted before v2: a zero-width space in a name defeated the repeat match (§3.4.6).
    [Theory]
    [InlineData("setting.name", "Exe\u200BValley", "U+200B zero-width space")]
    [InlineData("reporter.name", "Jo \u202EsggolB", "U+202E right-to-left override")]
    [InlineData("youngPeople[0].name", "\uFEFFAlex Example", "U+FEFF byte order mark")]
    [InlineData("youngPeople[0].name", "Alex\u200DExample", "U+200D zero-width joiner")]
    [InlineData("youngPeople[0].parentCarer.name", "Sam\u2066Example", "U+2066 left-to-right isolate")]
    [InlineData("setting.postcode", "EX1\u00A01AA", "U+00A0 no-break space (Zs)")]
    [InlineData("reporter.phone", "01392\u3000000000", "U+3000 ideographic space (Zs)")]
    [InlineData("incident.summary", "Line one.\u2028Line two.", "U+2028 line separator (Zl)")]
    [InlineData("incident.summary", "Para one.\u2029Para two.", "U+2029 paragraph separator (Zp)")]
    [InlineData("concerns.vulnerabilityNotes", "Notes\u00ADhidden", "U+00AD soft hyphen (Cf)")]
    [InlineData("concerns.otherAggravatingFactor", "Other \u200E factor", "U+200E left-to-right mark")]
    [InlineData("reporter.email", "dsl\u200B@exevalley.example", "U+200B in an email")]
    [InlineData("youngPeople[0].name", "Alex \uDB40\uDC01Example", "U+E0001 language tag (Cf, outside the BMP)")]
    [InlineData("youngPeople[0].name", "Alex Example\u2028", "U+2028 at the end: refused, not trimmed away")]
    [InlineData("setting.name", "\u00A0Exe Valley", "U+00A0 at the start: refused, not trimmed away")]
    public void Parse_FormatOrSeparatorCharacter_Refused(string path, string escaped, string what)
    {
        var value = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var result = ParseWith(j => Set(j, path, value));

        Assert.False(result.IsValid, what);
        Assert.Equal([path], result.Errors.Keys);
    }

    [Theory]
    [InlineData("incident.summary", "Line one.\r\nLine two.\tTabbed.")]
    [InlineData("youngPeople[0].name", "Zoë Ångström-O’Neill")]
    [InlineData("setting.name", "École Saint-Jean 聖ヨハネ")]
    public void Parse_OrdinaryUnicode_Allowed(string path, string escaped)
    {
        Assert.True(ParseWith(j => Set(j, path, System.Text.RegularExpressions.Regex.Unescape(escaped))).IsValid);
    }

    [Fact]
    public void Parse_AdultDescriptionWithBidiOverride_Refused()
    {
        var result = ParseWith(j => j["adultsInvolved"] = new JsonArray(new JsonObject { ["description"] = "A man \u202Enwonknu" }));

        Assert.False(result.IsValid);
        Assert.Contains("adultsInvolved[0].description", result.Errors.Keys);
    }

    // Contract §2 (v2): a JSON object with a duplicate key is 400, at any depth; before, the last value won.
    [Theory]
    [InlineData("forceArea", "\"forceArea\": \"Dorset\", ")]
    [InlineData("reporter.email", "\"reporter\": { \"email\": \"a@b.example\", \"email\": \"c@d.example\", \"name\": \"R\" }, ")]
    [InlineData("youngPeople[0].name", "\"youngPeople\": [ { \"name\": \"A\", \"name\": \"B\", \"dateOfBirth\": \"2011-01-01\" } ], ")]
    public void Parse_DuplicateKey_ErrorAtItsPath(string path, string duplicate)
    {
        var json = TestReferrals.ValidJson();
        if (path != "forceArea")
        {
            json.Remove(path.Split('.')[0].Split('[')[0]);
        }

        var body = "{ " + duplicate + json.ToJsonString()[1..];

        var result = new ReferralParser(TestReferrals.Clock()).Parse(body);

        Assert.False(result.IsValid);
        Assert.Contains(path, result.Errors.Keys);
        Assert.Equal(["This key is given more than once; give each key once."], result.Errors[path]);
    }

    // Contract §2 (v2): a dot-atom local part and a DNS host name; no address literals.
    [Theory]
    [InlineData("x@[127.0.0.1]", "address literal")]
    [InlineData("x@[IPv6:::1]", "IPv6 address literal")]
    [InlineData("x@127.0.0.1", "IP address without brackets: the last label is all digits")]
    [InlineData("x@-b.example", "label starting with a hyphen")]
    [InlineData("x@b-.example", "label ending with a hyphen")]
    [InlineData("x@b_c.example", "underscore in the host")]
    [InlineData("x@b.example.", "empty last label")]
    [InlineData("\"quoted local\"@b.example", "quoted local part")]
    [InlineData(".x@b.example", "local part starting with a dot")]
    [InlineData("x.@b.example", "local part ending with a dot")]
    [InlineData("x..y@b.example", "two dots in the local part")]
    [InlineData("x(comment)@b.example", "comment")]
    [InlineData("zoë@b.example", "non-ASCII local part")]
    [InlineData("x@bücher.example", "non-ASCII host (not in its xn-- form)")]
    public void Parse_EmailOutsideTheStricterSyntax_Refused(string email, string what)
    {
        var result = ParseWith(j => j["reporter"]!["email"] = email);

        Assert.False(result.IsValid, what);
        Assert.Equal(["reporter.email"], result.Errors.Keys);
    }

    [Theory]
    [InlineData("o'brien@school.example")]
    [InlineData("first.last+tag@sub.school.sch.uk")]
    [InlineData("DSL@EXE-VALLEY.SCH.UK")]
    [InlineData("a@xn--bcher-kva.example")]
    [InlineData("x@b2.example")]
    public void Parse_EmailOfTheSyntax_Accepted(string email)
    {
        Assert.True(ParseWith(j => j["reporter"]!["email"] = email).IsValid);
    }

    [Fact]
    public void Parse_V2Fields_Parsed()
    {
        var referral = TestReferrals.Parse(j =>
        {
            j["concerns"]!["capacityToConsent"] = true;
            j["concerns"]!["atypicalOrViolentActs"] = true;
            j["concerns"]!["otherAggravatingFactor"] = "  Shared to humiliate  ";
            j["imageryHandling"]!["pseudoOrGeneratedImagery"] = true;
            j["imageryHandling"]!["parentsInformedBySetting"] = true;
            j["youngPeople"]![0]!["parentCarer"]!["safeToContact"] = false;
        });

        Assert.True(referral.Concerns.CapacityToConsent);
        Assert.True(referral.Concerns.AtypicalOrViolentActs);
        Assert.Equal("Shared to humiliate", referral.Concerns.OtherAggravatingFactor);
        Assert.True(referral.ImageryHandling.PseudoOrGeneratedImagery);
        Assert.True(referral.ImageryHandling.ParentsInformedBySetting);
        Assert.False(referral.YoungPeople[0].ParentCarer!.SafeToContact);
    }

    [Fact]
    public void Parse_V2FieldsAbsent_Defaults()
    {
        var referral = TestReferrals.Parse();

        Assert.False(referral.Concerns.CapacityToConsent);
        Assert.False(referral.Concerns.AtypicalOrViolentActs);
        Assert.Equal("", referral.Concerns.OtherAggravatingFactor);
        Assert.False(referral.ImageryHandling.PseudoOrGeneratedImagery);
        Assert.False(referral.ImageryHandling.ParentsInformedBySetting);
        Assert.True(referral.YoungPeople[0].ParentCarer!.SafeToContact); // contract §2: default true
    }

    [Fact]
    public void Parse_NotSafeToContactWithoutDetails_KeptSoTheYouthTeamIsTold()
    {
        var referral = TestReferrals.Parse(j => j["youngPeople"]![1]!["parentCarer"] = new JsonObject { ["safeToContact"] = false });

        Assert.False(referral.YoungPeople[1].ParentCarer!.SafeToContact);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void Parse_OtherAggravatingFactor_AtMost500(int length, bool valid)
    {
        var result = ParseWith(j => j["concerns"]!["otherAggravatingFactor"] = string.Concat(Enumerable.Repeat("Ab c", length))[..length]);

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("concerns.capacityToConsent")]
    [InlineData("imageryHandling.pseudoOrGeneratedImagery")]
    [InlineData("youngPeople[0].parentCarer.safeToContact")]
    public void Parse_V2FlagNotBoolean_Error(string path)
    {
        AssertOnlyError(ParseWith(j => Set(j, path, "yes")), path);
    }

    [Fact]
    public void Parse_ConfiguredForce_Accepted_UnconfiguredRefused()
    {
        var kent = new Sexting.Core.Forces.ForceProfile(ForceArea.Of("Kent"), "Kent Police", "KT", "Outcome 21", null, "Schools Officer", null, new Uri("https://www.kent.police.uk/"));
        var forces = new Sexting.Core.Forces.ForceProfiles([.. Sexting.Core.Forces.ForceProfiles.BuiltIn.All, kent]);
        var json = TestReferrals.ValidJson();
        json["forceArea"] = "Kent";

        Assert.Equal(ForceArea.Of("Kent"), new ReferralParser(TestReferrals.Clock(), forces).Parse(json.ToJsonString()).Referral!.ForceArea);
        Assert.Equal(["forceArea"], new ReferralParser(TestReferrals.Clock()).Parse(json.ToJsonString()).Errors.Keys);
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name) = Navigate(root, path);
        parent[name] = value;
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, name) = Navigate(root, path);
        parent.Remove(name);
    }

    private static (JsonObject Parent, string Name) Navigate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                node = node[part] ??= new JsonObject();
            }
            else
            {
                var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                node = node[part[..bracket]]![index]!;
                if (node is null)
                {
                    throw new InvalidOperationException(path);
                }
            }
        }

        var parent = node.AsObject();
        var last = parts[^1];
        var b = last.IndexOf('[', StringComparison.Ordinal);
        return b < 0 ? (parent, last) : throw new InvalidOperationException("Path must end in a property: " + path);
    }
}
