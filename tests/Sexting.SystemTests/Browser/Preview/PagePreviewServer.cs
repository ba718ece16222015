using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Core.Assessment;
using Sexting.Core.Notifications;
using Sexting.Core.Staff;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Cases;
using Sexting.Functions.Pages.Confirmation;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Pages.Intake;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Browser.Preview;

/// <summary>
/// A tiny Kestrel app on 127.0.0.1 (random port) that serves the real renderers on the routes
/// of contract §2, §5 and §8, with fictional cases in place of the store, until the functions
/// exist. Tokens: <see cref="PageTarget"/>'s preview tokens; any other token is unknown.
/// </summary>
internal sealed class PagePreviewServer : IAsyncDisposable
{
    public const string ApprovalToken = "preview-approval";
    public const string EducationToken = "preview-education";
    public const string ExpiredToken = "preview-expired";
    public const string UsedToken = "preview-used";
    public const string ConfirmationToken = "preview-confirmation";

    private readonly WebApplication _app;

    private PagePreviewServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<PagePreviewServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddPages();
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();

        app.MapGet("/api/assets/{**path}", (string? path, IPageAssets assets) => Run(assets.Serve(path)));
        app.MapGet("/api/form", (int? people, ReferralFormPage form) =>
            Html(form.Render(ReferralFormValues.Blank(Guid.NewGuid(), people ?? 1))));
        app.MapPost("/api/form", async (HttpRequest request, int? people, ReferralFormPage form) =>
        {
            var values = ReferralFormValues.FromForm(await request.ReadFormAsync()).WithYoungPeople(people ?? 1);
            return Html(form.Render(values));
        });
        app.MapPost("/api/referrals", async (HttpRequest request, ReferralFormPage form, ReceiptPage receipt, TimeProvider clock) =>
        {
            var values = ReferralFormValues.FromForm(await request.ReadFormAsync());
            var result = new ReferralParser(clock).Parse(ReferralFormMapper.ToJson(values).ToJsonString());
            if (!result.IsValid)
            {
                return Html(form.Render(values, result.Errors), StatusCodes.Status400BadRequest);
            }

            var referralId = result.Referral!.SubmissionId is { } id ? ReferralIds.ForSubmission(id) : ReferralIds.NewRandom();
            var prefix = result.Referral.ForceArea == ForceArea.Dorset ? "DO" : "DC";
            var crimeReference = $"{prefix}-{UkClock.Today(clock).Year.ToString(CultureInfo.InvariantCulture)}-000001";
            return Html(receipt.Render(crimeReference, referralId, clock.GetUtcNow().AddDays(3)), StatusCodes.Status202Accepted);
        });

        app.MapGet("/api/approvals/{token}", (string token, ApprovalPage page, LinkProblemPage problem) =>
            Problem(token, LinkPurpose.Authorisation, problem) ?? Html(page.Render(SampleCases.AwaitingAuthorisation(), token)));
        app.MapPost("/api/approvals/{token}", async (string token, HttpRequest request, ApprovalPage page, ApprovalConfirmationPage confirmation, LinkProblemPage problem) =>
        {
            if (Problem(token, LinkPurpose.Authorisation, problem) is { } gone)
            {
                return gone;
            }

            var form = ApprovalForm.From(await request.ReadFormAsync());
            var (decision, errors) = form.Validate();
            var record = SampleCases.AwaitingAuthorisation();
            return decision is { } d
                ? Html(confirmation.Render(record, d))
                : Html(page.Render(record, token, form, errors), StatusCodes.Status400BadRequest);
        });
        app.MapGet("/api/education/{token}", (string token, EducationPage page, LinkProblemPage problem) =>
            Problem(token, LinkPurpose.EducationDelivered, problem) ?? Html(page.Render(SampleCases.InEducation(), token)));
        app.MapPost("/api/education/{token}", async (string token, HttpRequest request, EducationPage page, EducationConfirmationPage confirmation, LinkProblemPage problem) =>
        {
            if (Problem(token, LinkPurpose.EducationDelivered, problem) is { } gone)
            {
                return gone;
            }

            var form = EducationForm.From(await request.ReadFormAsync());
            var record = SampleCases.InEducation();
            var errors = form.Validate([.. record.Referral.YoungPeople.Select(p => p.Reference)]);
            return errors.Count == 0
                ? Html(confirmation.Render(record))
                : Html(page.Render(record, token, form, errors), StatusCodes.Status400BadRequest);
        });

        app.MapGet("/api/confirmations/{token}", (string token, ReporterConfirmationPage page) =>
            token == ConfirmationToken
                ? Html(page.Render(SampleCases.AwaitingAuthorisation(), token, DateTimeOffset.UtcNow.AddDays(3)))
                : Run(page.Problem(token == UsedToken ? LinkProblem.AlreadyUsed : token == ExpiredToken ? LinkProblem.Expired : LinkProblem.Unknown)));
        app.MapPost("/api/confirmations/{token}", (string token, ReporterConfirmationPage page) =>
            token == ConfirmationToken
                ? Html(page.RenderConfirmed(SampleCases.AwaitingAuthorisation()))
                : Run(page.Problem(LinkProblem.Unknown)));

        // Contract §10: the case page in its states, for a person holding every workspace role.
        app.MapGet("/api/cases/{state}", (string state, CasePage page) =>
        {
            var record = CaseState(state);
            var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
            TimelineEntry[] timeline =
            [
                new(record.ReceivedAt, TimelineEvent.CrimeRecorded, "Recorded as crime " + record.CrimeReference, "crime-recorded"),
                new(record.ReceivedAt.AddMinutes(1), TimelineEvent.Assessed, "Assessed", "assessed"),
                new(record.ReceivedAt.AddHours(2), TimelineEvent.SafeguardingExpertConsulted, "Consulted by Morgan Manager (morgan.manager@dc.police.example)", "consulted"),
            ];
            SentEmail[] emails = [new(EmailKind.SafeguardingAlert, "alerts@dc.police.example", record.ReceivedAt.AddMinutes(2), "k1")];
            var who = new StaffMember("u1", "Robin Reader", "robin.reader@dc.police.example",
                new HashSet<string>([.. StaffRoles.Functional, StaffRoles.ForceRole(ForceArea.DevonAndCornwall), StaffRoles.ForceRole(ForceArea.Dorset)]));
            return Html(page.Render(record, timeline, emails, CaseActions.Available(record, timeline, who), who, now));
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PagePreviewServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static CaseRecord CaseState(string state)
    {
        var record = SampleCases.AwaitingAuthorisation();
        var factors = new[]
        {
            new AggravatingFactor(AggravatingFactorCode.SignificantAgeImbalance, "YP1 and YP2 are 3 years apart", "3.5.2"),
            new AggravatingFactor(AggravatingFactorCode.UnderThirteen, "YP2 was 12", "3.5.2")
            {
                DiscountedBy = "Kim Supervisor (kim.supervisor@dc.police.example)", DiscountedAt = record.ReceivedAt.AddDays(1), Rationale = "Close in age and development.",
            },
        };
        var investigated = record with { Assessment = record.Assessment! with { AggravatingFactors = factors, Route = Sexting.Core.Assessment.Route.Investigation } };
        return state switch
        {
            "awaiting" => record,
            "referred" => investigated with { Status = CaseStatus.ReferredForInvestigation, Confirmation = new ReporterConfirmation(false, null) },
            "under-investigation" => investigated with
            {
                Status = CaseStatus.UnderInvestigation,
                Investigation = new InvestigationRecord("Ivy Investigator", record.ReceivedAt.AddDays(1), null, null),
                Advice = [new SafeguardingAdvice("a1", "Sol Expert", record.ReceivedAt.AddHours(3), "Speak to both families together.", "morgan.manager@dc.police.example")],
            },
            _ => SampleCases.InEducation() is var educating
                ? educating with { Education = educating.Education! with { DueBy = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero) } } // overdue
                : record,
        };
    }

    private static IResult? Problem(string token, LinkPurpose purpose, LinkProblemPage page) => token switch
    {
        ApprovalToken when purpose == LinkPurpose.Authorisation => null,
        EducationToken when purpose == LinkPurpose.EducationDelivered => null,
        ExpiredToken => Run(page.Result(LinkProblem.Expired)),
        UsedToken => Run(page.Result(LinkProblem.AlreadyUsed)),
        _ => Run(page.Result(LinkProblem.Unknown)),
    };

    private static IResult Html(string html, int status = StatusCodes.Status200OK) => Run(new HtmlPageResult(html, status));

    // The functions return IActionResult; run them the way the local host does (design.md).
    private static IResult Run(IActionResult result) => new ActionResultAdapter(result);

    private sealed class ActionResultAdapter(IActionResult result) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) =>
            result.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
    }
}
