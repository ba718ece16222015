using Sexting.Core.Referrals;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Contract §1, §12: the address of a force's mailbox, read from configuration when an email is sent. So none
/// is in the durable history, and a mailbox changed in configuration applies to the cases already in flight.
/// </summary>
public static class StaffMailboxes
{
    /// <summary>The configured address of <paramref name="mailbox"/> for <paramref name="force"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mailbox"/> is not a known role.</exception>
    /// <exception cref="InvalidOperationException">The force is not configured, or has no such mailbox.</exception>
    public static string AddressOf(this ForcesOptions forces, ForceArea force, StaffMailbox mailbox)
    {
        ArgumentNullException.ThrowIfNull(forces);
        var key = mailbox switch
        {
            StaffMailbox.AuthorisingManager => nameof(ForceSettings.AuthorisingManagerEmail),
            StaffMailbox.Escalation => nameof(ForceSettings.EscalationEmail),
            StaffMailbox.SafeguardingExpert => nameof(ForceSettings.SafeguardingExpertEmail),
            StaffMailbox.YouthTeam => nameof(ForceSettings.YouthTeamEmail),
            StaffMailbox.Investigation => nameof(ForceSettings.InvestigationEmail),
            _ => throw new ArgumentOutOfRangeException(nameof(mailbox), mailbox, "Unknown staff mailbox."),
        };
        var address = forces.Forces.GetValueOrDefault(force.Name)?.Mailboxes().Single(m => m.Key == key).Value;
        if (string.IsNullOrWhiteSpace(address))
        {
            // Start-up validation (ForcesOptionsValidator) makes this a force removed from configuration while it has cases.
            throw new InvalidOperationException(
                $"{ForcesOptions.Section}:{force.Name}:{key} is not configured: the {mailbox} mailbox of a case of {force.Name} cannot be written to.");
        }

        return address.Trim();
    }

    /// <summary>
    /// A step's timeline text with <see cref="SendEmailInput.MailboxPlaceholder"/> replaced by the address read for it;
    /// unchanged without one (a step of another recipient, or scheduled before the placeholder existed).
    /// </summary>
    public static string WithMailbox(this string detail, string? address)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return address is null ? detail : detail.Replace(SendEmailInput.MailboxPlaceholder, address, StringComparison.Ordinal);
    }
}
