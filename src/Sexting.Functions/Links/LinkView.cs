using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sexting.Core.Cases;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Links;

/// <summary>
/// What one purpose of link answers over HTTP (contract §5, §11): how its form is read, its pages and
/// its JSON receipt. <see cref="LinkHttp"/> maps every <see cref="LinkResult{TForm}"/> with them the same way.
/// </summary>
public abstract class LinkView<TForm>
    where TForm : class
{
    /// <summary>The title of the JSON 410 for a link that can no longer act.</summary>
    public abstract string GoneTitle { get; }

    /// <summary>The title of the JSON 400 for a bad form.</summary>
    public virtual string BadFormTitle => "The form is not complete.";

    /// <summary>Reads the posted form; anything that is not a readable form is an empty one.</summary>
    public abstract Task<TForm> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken);

    /// <summary>The link's page: with no form for a GET, or the form as posted and its errors for a bad form.</summary>
    public abstract string RenderForm(LinkLookup lookup, string token, TForm? form, IReadOnlyDictionary<string, string>? errors);

    /// <summary>The page after the link was used.</summary>
    public abstract string RenderDone(CaseRecord @case, LinkChoice choice);

    /// <summary>The JSON answer after the link was used (<c>Accept: application/json</c>).</summary>
    public abstract object ReceiptOf(CaseRecord @case, LinkChoice choice);

    /// <summary>The page for a link that cannot act, with its status.</summary>
    public abstract IActionResult ProblemPage(LinkProblem problem);
}
