namespace Sexting.Core.Links;

/// <summary>
/// The words of an <see cref="ApprovalDecision"/>: the form's <c>decision</c> values (contract §5),
/// the action a link use records and the workflow reads back (§4.7), and the JSON answer's <c>decision</c>.
/// </summary>
public static class ApprovalDecisions
{
    /// <summary>The word for a decision: <c>authorise</c>, <c>decline</c> or <c>consult</c>.</summary>
    public static string ActionOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Authorise => "authorise",
        ApprovalDecision.Decline => "decline",
        ApprovalDecision.Consult => "consult",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>The decision a word stands for (exactly, as recorded); <c>null</c> for anything else.</summary>
    public static ApprovalDecision? Of(string? action) => action switch
    {
        "authorise" => ApprovalDecision.Authorise,
        "decline" => ApprovalDecision.Decline,
        "consult" => ApprovalDecision.Consult,
        _ => null,
    };

    /// <summary>Whether the decision ends the wait and consumes the referral's links (§3.4.3: consulting does not).</summary>
    public static bool IsFinal(ApprovalDecision decision) => decision != ApprovalDecision.Consult;
}
