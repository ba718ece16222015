using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sexting.Bench.Intake;

/// <summary>
/// Valid referrals (contract §2) that take the Outcome 21 route: one young person of 15, no
/// aggravating factor (§3.5.2), a distinct fictional name each so none is a repeat (§3.4.6).
/// </summary>
internal static class ReferralFactory
{
    private static long _next;

    public static StringContent Create()
    {
        var n = Interlocked.Increment(ref _next);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var discovered = today.AddDays(-1);
        var body = new
        {
            submissionId = Guid.NewGuid(),
            forceArea = n % 2 == 0 ? "DevonAndCornwall" : "Dorset",
            setting = new { name = "Bench Valley Academy", urn = "100000", postcode = "EX1 1AA" },
            reporter = new { name = "Jo Bench", role = "DesignatedSafeguardingLead", email = "dsl@bench-school.example", phone = "01000 000000" },
            incident = new { discoveredOn = Iso(discovered), summary = "Benchmark referral: fictional.", sharedBeyondIntendedRecipient = false },
            youngPeople = new[]
            {
                new
                {
                    reference = "YP1",
                    name = "Alex " + Letters(n),
                    dateOfBirth = Iso(discovered.AddYears(-15).AddDays(-(int)(n % 300))),
                    role = "Sender",
                    email = (string?)null,
                    parentCarer = new { name = "Sam " + Letters(n), email = "carer@family.example" },
                },
            },
            adultsInvolved = Array.Empty<object>(),
            concerns = new
            {
                coercionOrBlackmail = false, grooming = false, exploitation = false, profitMotive = false,
                intentToHarmOrViolence = false, repeatBehaviour = false, significantAgeImbalance = false,
                immediateRiskOfHarm = false, vulnerabilityNotes = "",
            },
            imageryHandling = new { viewedBySetting = false, copiedOrStoredBySetting = false },
        };
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A surname made of letters only, distinct for each number: 1 → "Benchb", 2 → "Benchc", ...</summary>
    private static string Letters(long n)
    {
        var builder = new StringBuilder("Bench");
        do
        {
            builder.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return builder.ToString();
    }
}
