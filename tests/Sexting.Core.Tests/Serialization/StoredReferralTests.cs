using System.Text.Json;
using Sexting.Core.Referrals;
using Sexting.Core.Serialization;

namespace Sexting.Core.Tests.Serialization;

/// <summary>Cases stored before v2 still read: the force by its name, the v2 fields at their defaults.</summary>
public sealed class StoredReferralTests
{
    [Fact]
    public void Deserialize_V1Referral_ForceByNameAndV2Defaults()
    {
        var v1 = JsonSerializer.Serialize(TestReferrals.Parse(), SextingJson.Options)
            .Replace(",\"safeToContact\":true", "", StringComparison.Ordinal)
            .Replace(",\"capacityToConsent\":false,\"atypicalOrViolentActs\":false,\"otherAggravatingFactor\":\"\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("safeToContact", v1, StringComparison.Ordinal);
        Assert.DoesNotContain("capacityToConsent", v1, StringComparison.Ordinal);
        Assert.Contains("\"forceArea\":\"DevonAndCornwall\"", v1, StringComparison.Ordinal);

        var referral = JsonSerializer.Deserialize<Referral>(v1, SextingJson.Options)!;

        Assert.Equal(ForceArea.DevonAndCornwall, referral.ForceArea);
        Assert.True(referral.YoungPeople[0].ParentCarer!.SafeToContact); // contract §2: default true
        Assert.False(referral.Concerns.CapacityToConsent);
        Assert.Equal("", referral.Concerns.OtherAggravatingFactor);
    }

    [Fact]
    public void RoundTrip_ConfiguredForce_KeepsItsName()
    {
        var referral = TestReferrals.Parse() with { ForceArea = ForceArea.Of("AvonAndSomerset") };

        var back = JsonSerializer.Deserialize<Referral>(JsonSerializer.Serialize(referral, SextingJson.Options), SextingJson.Options)!;

        Assert.Equal(ForceArea.Of("AvonAndSomerset"), back.ForceArea);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"Avon and Somerset\"")]
    public void Deserialize_ForceNotAName_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ForceArea>(json, SextingJson.Options));
    }
}
