using Sexting.Core.Staff;

namespace Sexting.Core.Links;

/// <summary>
/// What a signed-in person did with a link, as the app recorded it (contract §4.7, §5): the
/// workflow acts on a decision only when the link store holds its use, and reads who decided from
/// here, never from the event that woke it. <paramref name="Text"/> is the rationale or the notes;
/// <paramref name="Delivered"/> the references of the young people who received the education.
/// </summary>
public sealed record LinkUse(
    string UseId,
    string ReferralId,
    LinkPurpose Purpose,
    string Action,
    StaffIdentity By,
    string SentTo,
    DateTimeOffset At,
    string? Text,
    IReadOnlyList<string> Delivered)
{
    /// <summary>A new, unguessable id for a use (it travels in the workflow event instead of the decision).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}

/// <summary>Who did it: the signed-in person's directory id, name and email.</summary>
public sealed record StaffIdentity(string UserId, string Name, string Email)
{
    /// <summary>The identity of a signed-in person.</summary>
    public static StaffIdentity Of(StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return new StaffIdentity(who.UserId, who.Name, who.Email);
    }

    /// <summary>"Name (email)", as timelines name people.</summary>
    public override string ToString() => $"{Name} ({Email})";
}
