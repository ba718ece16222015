using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sexting.TestSupport;

/// <summary>
/// Fictional referrals (contract §2) with names no other test uses: a young person named in an
/// earlier referral of the same force would make the case a repeat (§3.4.6) and change its route.
/// The default has two 14-year-olds, both parents with an address, one young person with one:
/// nothing aggravating, nothing of safeguarding concern.
/// </summary>
public static class SampleReferral
{
    /// <summary>The incident was found three days ago (never in the future in UK time).</summary>
    public static DateOnly DiscoveredOn => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    /// <summary>A date of birth that makes someone <paramref name="years"/> (and some months) old on <see cref="DiscoveredOn"/>.</summary>
    public static string BornYearsBefore(int years) =>
        DiscoveredOn.AddYears(-years).AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Create(string forceArea = "DevonAndCornwall", Guid? submissionId = null)
    {
        var family = UniqueSurname();
        return new JsonObject
        {
            ["submissionId"] = (submissionId ?? Guid.NewGuid()).ToString(),
            ["forceArea"] = forceArea,
            ["setting"] = new JsonObject { ["name"] = "Exe Valley Academy", ["urn"] = "123456", ["postcode"] = "EX1 1AA" },
            ["reporter"] = new JsonObject
            {
                ["name"] = "Jo Bloggs",
                ["role"] = "DesignatedSafeguardingLead",
                ["email"] = "dsl@exevalley.example",
                ["phone"] = "01392 000000",
            },
            ["incident"] = new JsonObject
            {
                ["discoveredOn"] = DiscoveredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["summary"] = "A picture was shared between two pupils and reported by one of them.",
                ["sharedBeyondIntendedRecipient"] = false,
            },
            ["youngPeople"] = new JsonArray
            {
                new JsonObject
                {
                    ["reference"] = "YP1",
                    ["name"] = "Alex " + family,
                    ["dateOfBirth"] = BornYearsBefore(14),
                    ["role"] = "Sender",
                    ["email"] = "alex@pupil.example",
                    ["parentCarer"] = new JsonObject { ["name"] = "Sam " + family, ["email"] = "sam@family.example" },
                },
                new JsonObject
                {
                    ["reference"] = "YP2",
                    ["name"] = "Robin " + family + "son",
                    ["dateOfBirth"] = BornYearsBefore(14),
                    ["role"] = "Recipient",
                    ["email"] = null,
                    ["parentCarer"] = new JsonObject { ["name"] = "Kim " + family + "son", ["email"] = "kim@family.example" },
                },
            },
            ["adultsInvolved"] = new JsonArray(),
            ["concerns"] = new JsonObject
            {
                ["coercionOrBlackmail"] = false,
                ["grooming"] = false,
                ["exploitation"] = false,
                ["profitMotive"] = false,
                ["intentToHarmOrViolence"] = false,
                ["repeatBehaviour"] = false,
                ["significantAgeImbalance"] = false,
                ["immediateRiskOfHarm"] = false,
                ["vulnerabilityNotes"] = "",
            },
            ["imageryHandling"] = new JsonObject { ["viewedBySetting"] = false, ["copiedOrStoredBySetting"] = false },
        };
    }

    /// <summary>The addresses the default referral's advice and guidance goes to (§3.4.7, §3.6.2).</summary>
    public static IReadOnlyList<string> AdviceRecipients { get; } = ["alex@pupil.example", "kim@family.example", "sam@family.example"];

    public const string ReporterEmail = "dsl@exevalley.example";

    /// <summary>Letters only, so it passes any name rule, and unique to this referral.</summary>
    private static string UniqueSurname()
    {
        const string Letters = "abcdefghjkmnpqrstuvwxyz";
        var bytes = RandomNumberGenerator.GetBytes(10);
        var letters = bytes.Select(b => Letters[b % Letters.Length]).ToArray();
        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }
}
