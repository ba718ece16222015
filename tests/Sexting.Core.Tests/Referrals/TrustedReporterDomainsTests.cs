using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Referrals;

public sealed class TrustedReporterDomainsTests
{
    [Theory]
    [InlineData("dsl@exevalley.sch.uk", true)]
    [InlineData("dsl@exevalley.devon.sch.uk", true)]
    [InlineData("DSL@ExeValley.SCH.UK", true)]
    [InlineData("dsl@sch.uk", true)]
    [InlineData("dsl@notsch.uk", false)]
    [InlineData("dsl@sch.uk.attacker.example", false)]
    [InlineData("dsl@exevalley.example", false)]
    [InlineData("no-at-sign", false)]
    [InlineData(null, false)]
    public void IsTrusted_DefaultDomains_DomainAndSubdomainsOnly(string? email, bool expected) =>
        Assert.Equal(expected, TrustedReporterDomains.Default.IsTrusted(email));

    [Fact]
    public void IsTrusted_ConfiguredList_NormalisesEntries() =>
        Assert.True(new TrustedReporterDomains([" .AC.UK ", "@college.example", ""]).IsTrusted("head@town.college.example"));
}
