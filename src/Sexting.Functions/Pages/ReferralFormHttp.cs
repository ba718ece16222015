using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Referrals;
using Sexting.Functions.Common;
using Sexting.Functions.Configuration;
using Sexting.Functions.Intake;
using Sexting.Functions.Staff;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Pages;

/// <summary>
/// The school's referral form (contract §8, anonymous): <c>GET /api/form</c>, and the post-back
/// of its "Add another young person" button when JavaScript is off (<c>POST /api/form?people=N</c>),
/// which shows the form again with what was typed and one more section. The form itself posts
/// to <c>POST /api/referrals</c>.
/// </summary>
public sealed class ReferralFormHttp(ReferralFormPage page, IOptions<PublicLinkOptions> urls)
{
    /// <summary>The query parameter with the number of young-person sections to show.</summary>
    public const string PeopleParameter = "people";

    [Function("ShowReferralForm")]
    public IActionResult Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new HtmlPageResult(page.Render(ReferralFormValues.Blank(Guid.NewGuid(), PeopleOf(request))));
    }

    [Function("AddYoungPerson")]
    public async Task<IActionResult> AddYoungPersonAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "form")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestOrigin.IsCrossSite(request, urls.Value.PublicBaseUrl))
        {
            return HttpResults.Problem(StatusCodes.Status403Forbidden, "Requests from other sites are refused.");
        }

        if (!PostedForm.IsUrlEncoded(request.ContentType))
        {
            return HttpResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Post the referral form as application/x-www-form-urlencoded.");
        }

        var body = await RequestBodyReader.ReadAsync(request, ReferralLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return HttpResults.Problem(StatusCodes.Status413PayloadTooLarge, "The form is too large.",
                $"A referral is at most {ReferralLimits.MaxBodyBytes / 1024} KiB. Never attach or paste images (SA028 §3.2.3).");
        }

        var values = PostedForm.Parse(body) is { } form
            ? ReferralFormValues.FromForm(form)
            : ReferralFormValues.Blank(Guid.NewGuid());
        // The submission id is the idempotency key of contract §2: keep the one the form was given.
        if (!Guid.TryParse(values.SubmissionId, out _))
        {
            values = values with { SubmissionId = Guid.NewGuid().ToString("D") };
        }

        return new HtmlPageResult(page.Render(values.WithYoungPeople(PeopleOf(request))));
    }

    // Read from the query rather than bound as a parameter: the same on both hosts. Clamped by the form values.
    private static int PeopleOf(HttpRequest request) =>
        int.TryParse(request.Query[PeopleParameter].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var people) ? people : 1;
}
