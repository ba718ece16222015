using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;

namespace Sexting.Functions.Education;

/// <summary>
/// §3.4.7: education and intervention delivered, for instances of workflow v3–v5, which wait for the event
/// (v6 records it in the link's POST): reads the use the event names and records it (<see cref="EducationDelivery"/>).
/// </summary>
public sealed partial class RecordEducationDeliveredActivity(
    EducationDelivery delivery, ICaseStore store, IDecisionLinkStore links, ILogger<RecordEducationDeliveredActivity> logger)
{
    [Function(nameof(RecordEducationDeliveredActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] RecordEducationDeliveredInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var use = input.UseId is { } useId ? await links.GetUseAsync(input.ReferralId, LinkPurpose.EducationDelivered, useId, ct).ConfigureAwait(false) : null;
        if (input.UseId is not null && use is null)
        {
            if (input.IgnoreUnrecorded)
            {
                LogUnrecordedUse(logger, input.ReferralId);
                return (await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false))?.Status
                    ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
            }

            throw new InvalidOperationException($"Referral {input.ReferralId}: the confirmation's recorded use is missing.");
        }

        var updated = use is not null
            ? await delivery.RecordAsync(use with { At = input.At }, null, ct).ConfigureAwait(false)
            : await delivery.RecordAsync(input.ReferralId, input.At, input.DeliveredBy ?? string.Empty, input.Notes, input.SentTo ?? string.Empty, input.Delivered ?? [], null, ct).ConfigureAwait(false);
        return updated.Status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: an education-delivered event named no use the app recorded; ignored")]
    private static partial void LogUnrecordedUse(ILogger logger, string referralId);
}
