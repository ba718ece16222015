using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Typed input, one activity, then a wait for an external event: the shape of the approval flow.</summary>
public static class SampleOrchestration
{
    public const string ApprovalEvent = "Approval";
    public const string WaitingStatus = "Waiting";

    [Function(nameof(SampleOrchestration))]
    public static Task<SampleOutput> Run([OrchestrationTrigger] TaskOrchestrationContext context, SampleInput input) => RunAsync(context, input);

    public static async Task<SampleOutput> RunAsync(TaskOrchestrationContext context, SampleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var greeting = await context.CallActivityAsync<string>(nameof(SampleActivity), input.Name);
        context.SetCustomStatus(WaitingStatus);
        var approved = await context.WaitForExternalEvent<bool>(ApprovalEvent);
        return new SampleOutput(greeting, input.Number, approved);
    }
}
