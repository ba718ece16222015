namespace Sexting.Core.Notifications;

/// <summary>Who the advice and guidance is written for (§3.6.2).</summary>
public enum AdviceAudience
{
    /// <summary>A young person involved.</summary>
    YoungPerson,

    /// <summary>A parent or carer of a young person involved.</summary>
    ParentCarer,
}
