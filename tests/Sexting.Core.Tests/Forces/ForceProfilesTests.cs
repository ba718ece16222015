using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Forces;

public sealed class ForceProfilesTests
{
    [Theory]
    [InlineData("DevonAndCornwall", "DC", "Outcome 27", "Youth Intervention Officer", "3.4.8", "C")]
    [InlineData("Dorset", "DO", "Outcome 21", "Safer Schools and Communities Team", "3.4.9", "D")]
    public void For_BuiltInForce_HasPolicyValues(string name, string prefix, string localOutcome, string youthTeam, string youthRef, string appendix)
    {
        var force = ForceArea.Of(name);
        var profile = ForceProfiles.BuiltIn.For(force);

        Assert.Equal(force, profile.Force);
        Assert.Equal(prefix, profile.CrimeReferencePrefix); // contract §2
        Assert.Equal(localOutcome, profile.LocalOutcomeCode); // §3.4.2
        Assert.Equal(youthTeam, profile.YouthTeamName); // §3.4.8, §3.4.9
        Assert.Equal(youthRef, profile.YouthTeamPolicyRef);
        Assert.Equal(appendix, profile.PolicyAppendix);
        Assert.Equal("https", profile.AdviceWebsite.Scheme); // §3.2.3
    }

    [Fact]
    public void BuiltIn_TheTwoAllianceForces_Once()
    {
        Assert.Equal([ForceArea.DevonAndCornwall, ForceArea.Dorset], ForceProfiles.BuiltIn.All.Select(p => p.Force));
    }

    [Fact]
    public void For_UnknownForce_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceProfiles.BuiltIn.For(ForceArea.Of("Kent")));
    }

    [Fact]
    public void TryFind_ExactNameOnly()
    {
        Assert.True(ForceProfiles.BuiltIn.TryFind("Dorset", out _));
        Assert.False(ForceProfiles.BuiltIn.TryFind("dorset", out _));
        Assert.False(ForceProfiles.BuiltIn.TryFind(null, out _));
    }

    [Theory]
    [InlineData("DC", "a prefix another force has")]
    [InlineData("K1", "not capital letters only")]
    [InlineData("K", "too short")]
    [InlineData("KENTS", "too long")]
    public void Constructor_BadOrDuplicatePrefix_Throws(string prefix, string because)
    {
        var kent = new ForceProfile(ForceArea.Of("Kent"), "Kent Police", prefix, "Outcome 21", null, "Schools Officer", null, new Uri("https://www.kent.police.uk/"));

        Assert.Throws<ArgumentException>(() => new ForceProfiles([.. ForceProfiles.BuiltIn.All, kent]));
        Assert.NotEmpty(because);
    }

    [Theory]
    [InlineData("Kent", true)]
    [InlineData("AvonAndSomerset", true)]
    [InlineData("Avon and Somerset", false)]
    [InlineData("1Kent", false)]
    [InlineData("Kent|x", false)]
    [InlineData("", false)]
    public void ForceArea_IsValidName_LettersThenLettersAndDigits(string name, bool expected)
    {
        Assert.Equal(expected, ForceArea.IsValidName(name));
    }

    [Theory]
    [InlineData("Outcome 27", "UNIFI", "Outcome 21 (Outcome 27 on UNIFI)")]
    [InlineData("Outcome 21", null, "Outcome 21")]
    [InlineData("Outcome 21K", null, "Outcome 21 (Outcome 21K locally)")]
    public void OutcomeWords_InTheForcesTerms(string local, string? system, string expected)
    {
        var profile = new ForceProfile(ForceArea.Of("Kent"), "Kent Police", "KT", local, system, "Schools Officer", null, new Uri("https://www.kent.police.uk/"));

        Assert.Equal(expected, profile.OutcomeWords);
    }
}
