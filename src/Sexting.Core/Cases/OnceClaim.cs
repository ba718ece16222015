namespace Sexting.Core.Cases;

/// <summary>The answer to a claim of "at most once" work.</summary>
public enum OnceClaim
{
    /// <summary>The caller holds the claim now: do the work, then complete or release it.</summary>
    Claimed,

    /// <summary>The work was done: do not do it again.</summary>
    Completed,

    /// <summary>Another caller holds a live claim and has not finished: try again later.</summary>
    Held,
}
