using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>
/// Anonymous HTTP function, instance method with an injected service and a bound route value; it
/// also says which signed-in principal header reached it.
/// </summary>
public sealed class SampleHttp(SampleGreeting greeting)
{
    [Function("SampleHello")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "samples/{sampleId}")] HttpRequest request,
        string sampleId,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new
        {
            greeting = greeting.Greet(sampleId),
            method = request.Method,
            cancellable = cancellationToken.CanBeCanceled,
            principal = request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString(),
        });
}
