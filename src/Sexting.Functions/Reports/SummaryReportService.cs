using Sexting.Core.Cases;
using Sexting.Core.Monitoring;

namespace Sexting.Functions.Reports;

/// <summary>
/// §2.3.1: the monitoring figures over the cases received in a period. Reads the cases through the
/// store's received index (never a scan of every case) and builds <see cref="SummaryReport"/>.
/// </summary>
public sealed class SummaryReportService(ICaseStore store, TimeProvider clock, Sexting.Core.Forces.ForceProfiles forces)
{
    public async Task<SummaryReport> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var cases = new List<CaseFigures>();
        await foreach (var record in store.ListReceivedAsync(period.Start, period.End, cancellationToken).ConfigureAwait(false))
        {
            // Held cases and the tombstones of deleted ones (contract §12): the figures do not drop with retention.
            cases.Add(record);
        }

        return SummaryReport.Build(cases, period.From, period.To, clock.GetUtcNow(), forces.All.Select(p => p.Force));
    }
}
