using Sexting.Core.Links;

namespace Sexting.Core.Tests.Links;

public sealed class DecisionTokenTests
{
    private const string ReferralId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Issue_TwoTokens_DifferAndRoundTrip()
    {
        var a = DecisionToken.Issue(ReferralId);
        var b = DecisionToken.Issue(ReferralId);

        Assert.NotEqual(a.Value, b.Value);
        Assert.True(DecisionToken.TryParse(a.Value, out var parsed));
        Assert.Equal(a.Hash, parsed!.Hash);
        Assert.Equal(ReferralId, parsed.ReferralId);
        Assert.Equal(64, a.Hash.Length);
        Assert.DoesNotContain(a.Secret, a.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_Secret_Is256Bits()
    {
        var token = DecisionToken.Issue(ReferralId);

        Assert.Equal(32, Convert.FromBase64String(token.Secret.Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789ABCDEF0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("0123456789abcdef0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_Malformed_False(string? value)
    {
        Assert.False(DecisionToken.TryParse(value, out var token));
        Assert.Null(token);
    }

    [Fact]
    public void Hash_OneCharacterChanged_Differs()
    {
        var token = DecisionToken.Issue(ReferralId);
        var flipped = token.Value[..^1] + (token.Value[^1] == 'A' ? 'B' : 'A');

        Assert.True(DecisionToken.TryParse(flipped, out var other));
        Assert.NotEqual(token.Hash, other!.Hash);
    }

    [Fact]
    public void Issue_NotAReferralId_Throws()
    {
        Assert.Throws<ArgumentException>(() => DecisionToken.Issue("../etc"));
    }
}
