using Sexting.Core.Links;

namespace Sexting.Core.Tests.Links;

public sealed class ReferralIdsTests
{
    [Fact]
    public void ForSubmission_SameSubmission_SameId()
    {
        var submission = Guid.Parse("3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60");

        Assert.Equal(ReferralIds.ForSubmission(submission), ReferralIds.ForSubmission(submission));
        Assert.NotEqual(ReferralIds.ForSubmission(submission), ReferralIds.ForSubmission(Guid.Parse("3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f61")));
        Assert.True(ReferralIds.IsValid(ReferralIds.ForSubmission(submission)));
    }

    [Fact]
    public void NewRandom_Valid_AndDistinct()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => ReferralIds.NewRandom()).ToList();

        Assert.All(ids, id => Assert.True(ReferralIds.IsValid(id)));
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData("../../../../0123456789abcdef0123", false)]
    public void IsValid_Shape_Expected(string? value, bool expected)
    {
        Assert.Equal(expected, ReferralIds.IsValid(value));
    }
}
