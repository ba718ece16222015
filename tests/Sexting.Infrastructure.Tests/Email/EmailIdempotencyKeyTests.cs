using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Storage;

namespace Sexting.Infrastructure.Tests.Email;

/// <summary>
/// Contract §4.6 and §12: an email's idempotency key is the same on every retry of a step, and a copy
/// of the tables (sent-email rows, the once-ledger, SendGrid <c>custom_args</c>) cannot confirm a
/// guessed recipient without <c>Tables:IndexKey</c>.
/// </summary>
public sealed class EmailIdempotencyKeyTests
{
    private const string Parent = "sam@family.example";

    [Fact]
    public void For_SameIndexKey_SameKeyWhateverTheCaseOrSpacesOfTheAddress()
    {
        var first = Keys("first-secret").For(TestCases.ReferralId, EmailKind.AdviceGuidance, "assessment", Parent);
        var again = Keys("first-secret").For(TestCases.ReferralId, EmailKind.AdviceGuidance, "assessment", " SAM@Family.example ");

        Assert.Equal(first, again);
    }

    [Fact]
    public void For_DifferentIndexKeys_DifferentRecipientPartSamePrefix()
    {
        var first = Keys("first-secret").For(TestCases.ReferralId, EmailKind.AdviceGuidance, "assessment", Parent);
        var second = Keys("second-secret").For(TestCases.ReferralId, EmailKind.AdviceGuidance, "assessment", Parent);

        Assert.NotEqual(first, second);
        Assert.Equal(first[..first.LastIndexOf(':')], second[..second.LastIndexOf(':')]);
    }

    [Fact]
    public void For_AnyIndexKey_NeitherAddressNorItsUnkeyedHash()
    {
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Parent.ToUpperInvariant())))[..16];

        foreach (var key in new[] { Keys(TableStorageOptions.DevelopmentIndexKey), Keys("abcdeFGHIJ12345") }
            .Select(k => k.For(TestCases.ReferralId, EmailKind.AdviceGuidance, "assessment", Parent)))
        {
            Assert.DoesNotContain(Parent, key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sam@", key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(unkeyed, key, StringComparison.OrdinalIgnoreCase);
            // The shape is unchanged: referral, kind, step and 16 lower-case hex digits.
            Assert.Matches($"^{TestCases.ReferralId}:AdviceGuidance:assessment:[0-9a-f]{{16}}$", key);
        }
    }

    [Fact]
    public void For_NoReferral_PolicyPrefix()
    {
        var key = Keys("first-secret").For(null, EmailKind.PolicyReviewReminder, "2027-01-04", "owner@ypsi.example");

        Assert.StartsWith("policy:PolicyReviewReminder:2027-01-04:", key, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmail_WithTableStorage_KeyedByConfiguredIndexKey()
    {
        var configured = FromContainer(new() { ["Tables:IndexKey"] = "abcdeFGHIJ12345" });
        var unset = FromContainer([]);

        Assert.Equal(Keys("abcdeFGHIJ12345").For(TestCases.ReferralId, EmailKind.SettingOutcome, "outcome", Parent), configured);
        Assert.Equal(Keys(TableStorageOptions.DevelopmentIndexKey).For(TestCases.ReferralId, EmailKind.SettingOutcome, "outcome", Parent), unset);
        Assert.NotEqual(configured, unset);
    }

    private static EmailIdempotencyKey Keys(string indexKey) =>
        new(Options.Create(new TableStorageOptions { IndexKey = indexKey }));

    private static string FromContainer(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTableStorage(configuration)
            .AddEmail(configuration)
            .BuildServiceProvider();
        return provider.GetRequiredService<EmailIdempotencyKey>().For(TestCases.ReferralId, EmailKind.SettingOutcome, "outcome", Parent);
    }
}
