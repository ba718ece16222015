using Sexting.Core.Links;

namespace Sexting.Core.Tests.Links;

public sealed class ApprovalDecisionsTests
{
    [Theory]
    [InlineData(ApprovalDecision.Authorise, "authorise", true)]
    [InlineData(ApprovalDecision.Decline, "decline", true)]
    [InlineData(ApprovalDecision.Consult, "consult", false)] // §3.4.3: consulting is not a decision
    public void ActionOf_EachDecision_IsTheFormWordAndReadsBack(ApprovalDecision decision, string word, bool final)
    {
        Assert.Equal(word, ApprovalDecisions.ActionOf(decision));
        Assert.Equal(decision, ApprovalDecisions.Of(word));
        Assert.Equal(final, ApprovalDecisions.IsFinal(decision));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorise")]
    [InlineData(" authorise")]
    [InlineData("delivered")]
    public void Of_AnythingElse_IsNull(string? action) => Assert.Null(ApprovalDecisions.Of(action));
}
