using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Common;

/// <summary>Which link-problem page (404 or 410) answers a link that cannot act (contract §5).</summary>
public static class LinkProblems
{
    /// <summary>The problem of an outcome that is not a success or a bad form; null for those.</summary>
    public static LinkProblem? Of(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.NotFound => LinkProblem.Unknown,
        LinkOutcome.Expired => LinkProblem.Expired,
        LinkOutcome.Used => LinkProblem.AlreadyUsed,
        LinkOutcome.NoLongerAwaiting => LinkProblem.NoLongerAwaiting,
        LinkOutcome.NotPermitted => LinkProblem.NotPermitted,
        _ => null,
    };
}
