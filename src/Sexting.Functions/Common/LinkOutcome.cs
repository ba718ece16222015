namespace Sexting.Functions.Common;

/// <summary>How a request on a decision or education link ended (contract §5).</summary>
public enum LinkOutcome
{
    /// <summary>Done: 200.</summary>
    Accepted,

    /// <summary>Forged, unknown or for another purpose: 404.</summary>
    NotFound,

    /// <summary>Expired, used, or the case no longer waits for this: 410.</summary>
    Gone,

    /// <summary>The form is wrong: 400.</summary>
    BadForm,
}
