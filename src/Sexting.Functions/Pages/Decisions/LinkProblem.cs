namespace Sexting.Functions.Pages.Decisions;

/// <summary>Why a decision link cannot be used (contract §5).</summary>
public enum LinkProblem
{
    /// <summary>Forged, mistyped or unknown: 404.</summary>
    Unknown,

    /// <summary>Past its lifetime: 410.</summary>
    Expired,

    /// <summary>This or another link already made the final decision: 410.</summary>
    AlreadyUsed,

    /// <summary>The case no longer awaits this decision (decided another way): 410.</summary>
    NoLongerAwaiting,

    /// <summary>Signed in without the role this link needs for the case's force (contract §5, §9): 403.</summary>
    NotPermitted,
}
