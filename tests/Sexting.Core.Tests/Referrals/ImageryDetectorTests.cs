using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Referrals;

public sealed class ImageryDetectorTests
{
    [Theory]
    [InlineData("data:image/png;base64,iVBOR", true)]
    [InlineData("data: image/jpeg ;base64,/9j/", true)]
    [InlineData("data:;base64,AAAA", true)]
    [InlineData("data:video/mp4,xyz", true)]
    [InlineData("The data: two pupils", false)]
    [InlineData("metadata:image is unknown", false)]
    [InlineData("", false)]
    public void LooksLikeImagery_DataUri_Expected(string text, bool expected)
    {
        Assert.Equal(expected, ImageryDetector.LooksLikeImagery(text));
    }

    [Theory]
    [InlineData(ImageryDetector.MinBase64Run - 1, false)]
    [InlineData(ImageryDetector.MinBase64Run, true)]
    public void LooksLikeImagery_Base64RunLength_Threshold(int length, bool expected)
    {
        Assert.Equal(expected, ImageryDetector.LooksLikeImagery("x " + new string('A', length) + " y"));
    }

    [Fact]
    public void LooksLikeImagery_LongOrdinaryText_False()
    {
        var text = string.Concat(Enumerable.Repeat("The pupil said the picture had been shared with friends. ", 70));

        Assert.False(ImageryDetector.LooksLikeImagery(text));
    }
}
