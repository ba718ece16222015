using Sexting.Core.Referrals;
using Sexting.Functions.Configuration;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Tests.Notifications;

/// <summary>Contract §1, §12: a mailbox named by its role is the configured address of the case's force.</summary>
public sealed class StaffMailboxesTests
{
    [Theory]
    [InlineData("DevonAndCornwall", StaffMailbox.AuthorisingManager, "dc-authorising-manager@police.example")]
    [InlineData("DevonAndCornwall", StaffMailbox.Escalation, "dc-escalation@police.example")]
    [InlineData("DevonAndCornwall", StaffMailbox.SafeguardingExpert, "dc-safeguarding@police.example")]
    [InlineData("DevonAndCornwall", StaffMailbox.YouthTeam, "dc-youth-team@police.example")]
    [InlineData("DevonAndCornwall", StaffMailbox.Investigation, "dc-investigation@police.example")]
    [InlineData("Dorset", StaffMailbox.AuthorisingManager, "dorset-authorising-manager@police.example")]
    [InlineData("Dorset", StaffMailbox.Escalation, "dorset-escalation@police.example")]
    [InlineData("Dorset", StaffMailbox.SafeguardingExpert, "dorset-safeguarding@police.example")]
    [InlineData("Dorset", StaffMailbox.YouthTeam, "dorset-youth-team@police.example")]
    [InlineData("Dorset", StaffMailbox.Investigation, "dorset-investigation@police.example")]
    public void AddressOf_EachRoleOfEachBuiltInForce_ItsExampleMailbox(string force, StaffMailbox mailbox, string expected)
    {
        Assert.Equal(expected, new ForcesOptions().AddressOf(ForceArea.Of(force), mailbox));
    }

    [Fact]
    public void AddressOf_ForceNotConfigured_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ForcesOptions().AddressOf(ForceArea.Of("Kent"), StaffMailbox.YouthTeam));

        Assert.Contains("Forces:Kent:YouthTeamEmail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressOf_MailboxEmpty_ThrowsNamingTheKey()
    {
        var forces = new ForcesOptions();
        forces.Dorset.InvestigationEmail = " ";

        var ex = Assert.Throws<InvalidOperationException>(() => forces.AddressOf(ForceArea.Dorset, StaffMailbox.Investigation));

        Assert.Contains("Forces:Dorset:InvestigationEmail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressOf_UnknownRole_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForcesOptions().AddressOf(ForceArea.Dorset, (StaffMailbox)99));
    }

    // The codes are stored in durable history (contract §12): renumbering one would send a case in flight elsewhere.
    [Fact]
    public void StaffMailbox_Values_NeverRenumbered()
    {
        Assert.Equal(
            [(StaffMailbox.AuthorisingManager, 0), (StaffMailbox.Escalation, 1), (StaffMailbox.SafeguardingExpert, 2), (StaffMailbox.YouthTeam, 3), (StaffMailbox.Investigation, 4)],
            Enum.GetValues<StaffMailbox>().Select(m => (m, (int)m)));
    }
}
