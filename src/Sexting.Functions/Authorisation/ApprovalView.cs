using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>The approval link's answers (contract §5): the decision page, the confirmation of what was decided, <see cref="DecisionReceipt"/>.</summary>
public sealed class ApprovalView(ApprovalPage page, ApprovalConfirmationPage confirmation, LinkProblemPage problems) : LinkView<ApprovalForm>
{
    public override string GoneTitle => "This link has expired or a decision has already been made.";

    public override string BadFormTitle => "The decision form is not complete.";

    public override async Task<ApprovalForm> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApprovalForm.From(await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false));

    public override string RenderForm(LinkLookup lookup, string token, ApprovalForm? form, IReadOnlyDictionary<string, string>? errors)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return page.Render(lookup.Case!, token, form, errors);
    }

    public override string RenderDone(CaseRecord @case, LinkChoice choice) => confirmation.Render(@case, DecisionOf(choice));

    public override object ReceiptOf(CaseRecord @case, LinkChoice choice)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new DecisionReceipt(@case.ReferralId, @case.CrimeReference, ApprovalDecisions.ActionOf(DecisionOf(choice)));
    }

    public override IActionResult ProblemPage(LinkProblem problem) => problems.Result(problem);

    private static ApprovalDecision DecisionOf(LinkChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return ApprovalDecisions.Of(choice.Action) ?? throw new ArgumentException($"'{choice.Action}' is not a decision.", nameof(choice));
    }
}
