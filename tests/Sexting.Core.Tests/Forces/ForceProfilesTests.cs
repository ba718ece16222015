using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Forces;

public sealed class ForceProfilesTests
{
    [Theory]
    [InlineData(ForceArea.DevonAndCornwall, "DC", "Outcome 27", "Youth Intervention Officer", "3.4.8")]
    [InlineData(ForceArea.Dorset, "DO", "Outcome 21", "Safer Schools and Communities Team", "3.4.9")]
    public void For_Force_HasPolicyValues(ForceArea force, string prefix, string localOutcome, string youthTeam, string youthRef)
    {
        var profile = ForceProfiles.For(force);

        Assert.Equal(force, profile.Force);
        Assert.Equal(prefix, profile.CrimeReferencePrefix); // contract §2
        Assert.Equal(localOutcome, profile.LocalOutcomeCode); // §3.4.2
        Assert.Equal(youthTeam, profile.YouthTeamName); // §3.4.8, §3.4.9
        Assert.Equal(youthRef, profile.YouthTeamPolicyRef);
        Assert.Equal("https", profile.AdviceWebsite.Scheme); // §3.2.3
    }

    [Fact]
    public void All_BothForces_Once()
    {
        Assert.Equal(Enum.GetValues<ForceArea>().Order(), ForceProfiles.All.Select(p => p.Force).Order());
    }

    [Fact]
    public void For_UnknownForce_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceProfiles.For((ForceArea)99));
    }
}
