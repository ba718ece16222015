using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests;

/// <summary>Builds referrals for tests: a valid JSON body (contract §2) to change, and parsed referrals.</summary>
internal static class TestReferrals
{
    /// <summary>"Now" in every test: 28 November 2026, noon UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static JsonObject ValidJson() => JsonNode.Parse("""
        {
          "submissionId": "3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60",
          "forceArea": "DevonAndCornwall",
          "setting":  { "name": "Exe Valley Academy", "urn": "123456", "postcode": "EX1 1AA" },
          "reporter": { "name": "Jo Bloggs", "role": "DesignatedSafeguardingLead",
                        "email": "dsl@exevalley.example", "phone": "01392 000000" },
          "incident": { "discoveredOn": "2026-11-20", "summary": "Two pupils exchanged images.",
                        "sharedBeyondIntendedRecipient": false },
          "youngPeople": [
            { "reference": "YP1", "name": "Alex Example", "dateOfBirth": "2011-05-01", "role": "Sender",
              "email": null, "parentCarer": { "name": "Sam Example", "email": "sam@family.example" } },
            { "reference": "YP2", "name": "Chris Example", "dateOfBirth": "2011-09-01", "role": "Recipient" }
          ],
          "adultsInvolved": [],
          "concerns": { "coercionOrBlackmail": false, "grooming": false, "exploitation": false,
                        "profitMotive": false, "intentToHarmOrViolence": false, "repeatBehaviour": false,
                        "significantAgeImbalance": false, "immediateRiskOfHarm": false,
                        "vulnerabilityNotes": "" },
          "imageryHandling": { "viewedBySetting": false, "copiedOrStoredBySetting": false }
        }
        """)!.AsObject();

    public static ReferralParseResult Parse(JsonObject json) => new ReferralParser(Clock()).Parse(json.ToJsonString());

    public static Referral Parse(Action<JsonObject>? change = null)
    {
        var json = ValidJson();
        change?.Invoke(json);
        var result = Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        return result.Referral!;
    }

    /// <summary>Sets the young people to people of the given dates of birth, YP1, YP2, ...</summary>
    public static void People(JsonObject json, params string[] datesOfBirth)
    {
        var array = new JsonArray();
        for (var i = 0; i < datesOfBirth.Length; i++)
        {
            array.Add(new JsonObject { ["reference"] = $"YP{i + 1}", ["name"] = $"Person {i + 1}", ["dateOfBirth"] = datesOfBirth[i] });
        }

        json["youngPeople"] = array;
    }
}
