using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sexting.Core.Cases;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>The education link's answers (contract §5): the confirmation form, the page after it, <see cref="EducationReceipt"/>.</summary>
public sealed class EducationView(EducationPage page, EducationConfirmationPage confirmation, LinkProblemPage problems) : LinkView<EducationForm>
{
    public override string GoneTitle => "This link has expired or delivery has already been confirmed.";

    public override async Task<EducationForm> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        EducationForm.From(await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false));

    public override string RenderForm(LinkLookup lookup, string token, EducationForm? form, IReadOnlyDictionary<string, string>? errors)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return page.Render(lookup.Case!, token, form, errors);
    }

    public override string RenderDone(CaseRecord @case, LinkChoice choice) => confirmation.Render(@case);

    public override object ReceiptOf(CaseRecord @case, LinkChoice choice)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(choice);
        return new EducationReceipt(@case.ReferralId, @case.CrimeReference, choice.Action);
    }

    public override IActionResult ProblemPage(LinkProblem problem) => problems.Result(problem);
}
