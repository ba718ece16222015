using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;

namespace Sexting.Functions.Links;

/// <summary>
/// Contract §4.7: the workflow acts only on what the app recorded. Reads the use an event names from
/// the link store; <c>null</c> when the app never recorded it (an event raised by anyone else), and
/// the workflow then goes on waiting as if nothing had happened.
/// </summary>
public sealed partial class ReadLinkUseActivity(IDecisionLinkStore links, ILogger<ReadLinkUseActivity> logger)
{
    [Function(nameof(ReadLinkUseActivity))]
    public async Task<RecordedUse?> RunAsync([ActivityTrigger] ReadLinkUseInput input) =>
        // Contract §12: the action's code only; who and what stay in the link store, where the next
        // activity reads them by the use's id.
        await ReadAsync(input).ConfigureAwait(false) is { } use ? new RecordedUse(use.Action) : null;

    /// <summary>The whole recorded use, for an activity that goes on to record it (workflow v3 on); <c>null</c>, logged, when there is none.</summary>
    public async Task<LinkUse?> ReadAsync(ReadLinkUseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var use = await links.GetUseAsync(input.ReferralId, input.Purpose, input.UseId ?? string.Empty, CancellationToken.None).ConfigureAwait(false);
        if (use is null)
        {
            LogNotRecorded(logger, input.ReferralId, input.Purpose);
        }

        return use;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: a {Purpose} event named no use the app recorded; ignored")]
    private static partial void LogNotRecorded(ILogger logger, string referralId, LinkPurpose purpose);
}

/// <summary>Which use of a referral's links to read.</summary>
public sealed record ReadLinkUseInput(string ReferralId, LinkPurpose Purpose, string? UseId);

/// <summary>
/// That the app recorded the use, and its action's code. Nothing personal enters the durable history
/// (contract §12); an output of the earlier shape, which also named the person and the text, still
/// reads as this (the extra fields are ignored on replay).
/// </summary>
public sealed record RecordedUse(string Action);
