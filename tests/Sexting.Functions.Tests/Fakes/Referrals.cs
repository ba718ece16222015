using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>Example referrals (fictional, <c>.example</c> domains), as JSON and parsed.</summary>
public static class Referrals
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static string Json(
        string? submissionId = "3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60",
        string dateOfBirth = "2011-05-01",
        bool immediateRisk = false,
        string youngPersonEmail = "null") =>
        $$"""
        {
          "submissionId": {{(submissionId is null ? "null" : "\"" + submissionId + "\"")}},
          "forceArea": "DevonAndCornwall",
          "setting":  { "name": "Exe Valley Academy", "urn": "123456", "postcode": "EX1 1AA" },
          "reporter": { "name": "Jo Bloggs", "role": "DesignatedSafeguardingLead", "email": "dsl@exevalley.example", "phone": "01392 000000" },
          "incident": { "discoveredOn": "2026-11-20", "summary": "An image was shared between two pupils.", "sharedBeyondIntendedRecipient": false },
          "youngPeople": [
            { "reference": "YP1", "name": "Alex Example", "dateOfBirth": "{{dateOfBirth}}", "role": "Sender",
              "email": {{youngPersonEmail}}, "parentCarer": { "name": "Sam Example", "email": "sam@family.example" } }
          ],
          "adultsInvolved": [],
          "concerns": { "immediateRiskOfHarm": {{(immediateRisk ? "true" : "false")}}, "vulnerabilityNotes": "" },
          "imageryHandling": { "viewedBySetting": false, "copiedOrStoredBySetting": false }
        }
        """;

    public static ReferralParser Parser() => new(new FakeTimeProvider(Now));

    public static Referral Parse(string json)
    {
        var result = Parser().Parse(json);
        return result.Referral ?? throw new InvalidOperationException("Invalid example: " + string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(",", e.Value))));
    }
}
