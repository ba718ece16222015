namespace Sexting.Functions.Links;

/// <summary>How a request on a decision or education link ended (contract §5).</summary>
public enum LinkOutcome
{
    /// <summary>Done: 200.</summary>
    Accepted,

    /// <summary>Forged, unknown or for another purpose: 404.</summary>
    NotFound,

    /// <summary>Past its lifetime: 410.</summary>
    Expired,

    /// <summary>This or another link of the referral already made the final decision: 410.</summary>
    Used,

    /// <summary>The case no longer waits for what this link decides: 410.</summary>
    NoLongerAwaiting,

    /// <summary>The form is wrong: 400.</summary>
    BadForm,

    /// <summary>Signed in without the role for the case's force: 403, nothing changed.</summary>
    NotPermitted,
}
