using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Cases;

namespace Sexting.Functions.Workflow;

/// <summary>The referral whose state a v4 orchestration reads (contract §12: the id only).</summary>
public sealed record ReadCaseStateInput(string ReferralId);

/// <summary>What the store recorded (contract §4.7): the status and whether the reporter confirmed; codes only.</summary>
public sealed record CaseState(CaseStatus Status, bool ReporterConfirmed);

/// <summary>
/// Contract §4.7, §10: a v4 orchestration, told by <see cref="WorkflowEvents.CaseAction"/> that a workspace
/// action happened, acts only on what the case store shows, read here.
/// </summary>
public sealed class ReadCaseStateActivity(ICaseStore store)
{
    [Function(nameof(ReadCaseStateActivity))]
    public async Task<CaseState> RunAsync([ActivityTrigger] ReadCaseStateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var @case = await store.GetAsync(input.ReferralId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
        return new CaseState(@case.Status, @case.ReporterConfirmed);
    }
}
