using Sexting.Core.Reminders;

namespace Sexting.Core.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static readonly DateTimeOffset Authorised = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DueAfter = TimeSpan.FromDays(28);

    [Fact]
    public void IsEducationOverdue_PastDueNotDelivered_True()
    {
        var @case = TestCases.Received(Authorised.AddDays(-1)).Authorised(Authorised, DueAfter);

        Assert.True(ReminderRules.IsEducationOverdue(@case, Authorised + DueAfter + TimeSpan.FromSeconds(1))); // §3.4.7
    }

    [Fact]
    public void IsEducationOverdue_NotYetDue_False()
    {
        var @case = TestCases.Received(Authorised.AddDays(-1)).Authorised(Authorised, DueAfter);

        Assert.False(ReminderRules.IsEducationOverdue(@case, Authorised + DueAfter));
    }

    [Fact]
    public void IsEducationOverdue_Delivered_False()
    {
        var @case = TestCases.Received(Authorised.AddDays(-1)).Authorised(Authorised, DueAfter).Delivered(Authorised.AddDays(40));

        Assert.False(ReminderRules.IsEducationOverdue(@case, Authorised.AddDays(60)));
    }

    [Fact]
    public void IsEducationOverdue_NotAuthorised_False()
    {
        Assert.False(ReminderRules.IsEducationOverdue(TestCases.Received(Authorised), Authorised.AddYears(1)));
    }

    [Fact]
    public void EducationReminderKey_SameUkDay_SameKey_NextDay_NewKey()
    {
        const string Id = "0123456789abcdef0123456789abcdef";
        var morning = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReminderRules.EducationReminderKey(Id, morning), ReminderRules.EducationReminderKey(Id, morning.AddHours(16)));
        Assert.NotEqual(ReminderRules.EducationReminderKey(Id, morning), ReminderRules.EducationReminderKey(Id, morning.AddDays(1)));
    }

    [Fact]
    public void EducationReminderKey_UkDayNotUtcDay()
    {
        const string Id = "0123456789abcdef0123456789abcdef";

        // 23:30 UTC on 1 July is 00:30 on 2 July in the UK (BST).
        Assert.EndsWith(":2026-07-02", ReminderRules.EducationReminderKey(Id, new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-03-13", "2020-03-12T12:00:00Z", false, "§5.1 the day before the review date")]
    [InlineData("2020-03-13", "2020-03-13T00:00:00Z", true, "§5.1 on the review date")]
    [InlineData("2020-03-13", "2026-11-28T07:00:00Z", true, "§5.1 long after the review date: still due until the date moves")]
    public void IsPolicyReviewDue_Date_Expected(string reviewDate, string now, bool expected, string because)
    {
        var due = ReminderRules.IsPolicyReviewDue(DateOnly.Parse(reviewDate, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(expected == due, $"{because}: expected {expected}, got {due}");
    }

    [Fact]
    public void PolicyReviewKey_OncePerDay()
    {
        var date = new DateOnly(2020, 3, 13);
        var now = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal("policy-review:2020-03-13:2026-11-28", ReminderRules.PolicyReviewKey(date, now));
        Assert.Equal(ReminderRules.PolicyReviewKey(date, now), ReminderRules.PolicyReviewKey(date, now.AddHours(12)));
    }
}
