using Sexting.Core.Assessment;

namespace Sexting.Core.Tests.Assessment;

public sealed class PersonIdentityTests
{
    private static readonly DateOnly Born = new(2011, 5, 1);

    [Theory]
    [InlineData("Alex Example", "alex example")]
    [InlineData("Alex Example", "ALEX  EXAMPLE")]
    [InlineData("Alex Example", " Alex\tExample ")]
    [InlineData("Alex Example", "AlexExample")]
    [InlineData("Ｅｍｉｌｙ", "emily")]
    public void KeyOf_CaseAndSpaceInsensitive_SameKey(string a, string b)
    {
        // Contract §3: same name, case- and space-insensitive, and date of birth (§3.4.6).
        Assert.Equal(PersonIdentity.KeyOf(a, Born), PersonIdentity.KeyOf(b, Born));
    }

    [Theory]
    [InlineData("Alex Example", "Alex Exampel")]
    [InlineData("Alex Example", "Alexa Example")]
    public void KeyOf_OtherName_OtherKey(string a, string b)
    {
        Assert.NotEqual(PersonIdentity.KeyOf(a, Born), PersonIdentity.KeyOf(b, Born));
    }

    [Fact]
    public void KeyOf_OtherDateOfBirth_OtherKey()
    {
        Assert.NotEqual(PersonIdentity.KeyOf("Alex", Born), PersonIdentity.KeyOf("Alex", Born.AddDays(1)));
    }
}
