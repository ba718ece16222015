using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Reports;

/// <summary>
/// <c>GET /api/reports/summary?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> (contract §8; the function key,
/// or signed in with <c>Prevention</c>, checked by the app as for case reads): the
/// monitoring figures for the Alliance Prevention Department (§2.3.1, docs/monitoring.md). JSON,
/// or CSV when <c>Accept</c> prefers <c>text/csv</c>. Counts and durations only: no personal data.
/// </summary>
public sealed partial class SummaryReportHttp(SummaryReportService reports, CaseReadAccess access, ILogger<SummaryReportHttp> logger)
{
    [Function("GetSummaryReport")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.Begin(request, StaffAction.ReadSummaryReport).Refusal is { } refusal)
        {
            return refusal;
        }

        var (period, errors) = ReportPeriod.Parse(request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault());
        if (period is null)
        {
            return HttpResults.Problem(StatusCodes.Status400BadRequest, "The report period is not valid.", errors: errors);
        }

        try
        {
            var report = await reports.BuildAsync(period, cancellationToken).ConfigureAwait(false);
            LogBuilt(logger, period.To.DayNumber - period.From.DayNumber + 1, report.TotalCases);
            return WantsCsv(request)
                ? new BodyResult(StatusCodes.Status200OK, SummaryReportCsv.ContentType, SummaryReportCsv.Write(report))
                : HttpResults.JsonBody(StatusCodes.Status200OK, report);
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogFailed(logger, ex);
            return HttpResults.Unavailable();
        }
    }

    /// <summary>CSV when <c>Accept</c> names <c>text/csv</c> with a quality at least that of any JSON it also names.</summary>
    internal static bool WantsCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        static double Quality(MediaTypeHeaderValue value) => value.Quality ?? 1.0;
        var csv = accepted.Where(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)).Select(Quality).DefaultIfEmpty(0).Max();
        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(Quality).DefaultIfEmpty(0).Max();
        return csv > 0 && csv >= json;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary report built over {Days} days: {TotalCases} cases")]
    private static partial void LogBuilt(ILogger logger, int days, int totalCases);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the summary report failed: storage unavailable")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
