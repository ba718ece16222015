using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sexting.Core.Cases;
using Sexting.Functions.Links;
using Sexting.Functions.Pages.Confirmation;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// The reporter confirmation link's answers (contract §11): the page with the button (nothing of the
/// case but its crime reference), the page after it, <see cref="ConfirmationReceipt"/>. The POST's
/// body is not read: it has no fields.
/// </summary>
public sealed class ReporterConfirmationView(ReporterConfirmationPage page) : LinkView<NoForm>
{
    public override string GoneTitle => "This link has expired or has already been used.";

    public override Task<NoForm> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken) => Task.FromResult(NoForm.Instance);

    public override string RenderForm(LinkLookup lookup, string token, NoForm? form, IReadOnlyDictionary<string, string>? errors)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return page.Render(lookup.Case!, token, lookup.Link!.ExpiresAt);
    }

    public override string RenderDone(CaseRecord @case, LinkChoice choice) => page.RenderConfirmed(@case);

    public override object ReceiptOf(CaseRecord @case, LinkChoice choice)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new ConfirmationReceipt(@case.ReferralId, @case.CrimeReference, @case.Confirmation!.ConfirmedAt!.Value);
    }

    public override IActionResult ProblemPage(LinkProblem problem) => page.Problem(problem);
}
