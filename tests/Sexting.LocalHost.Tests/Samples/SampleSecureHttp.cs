using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Function-level HTTP function with no route: Azure serves it on its name.</summary>
public static class SampleSecureHttp
{
    [Function("SampleSecret")]
    public static Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) =>
        Task.FromResult<IActionResult>(new OkObjectResult("secret"));
}
