using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Starts the sample orchestration through the bound durable client, as the intake function will.</summary>
public static class SampleStartHttp
{
    [Function("SampleStart")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "samples-orchestrations")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var input = await JsonSerializer.DeserializeAsync<SampleInput>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleOrchestration), input, cancellationToken);
        return new AcceptedResult($"/api/samples-orchestrations/{instanceId}", new { instanceId });
    }
}
