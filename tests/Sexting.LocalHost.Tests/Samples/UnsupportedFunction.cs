using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Tests.Samples;

public static class UnsupportedFunction
{
    [Function("SampleUnsupported")]
    public static void Run([UnsupportedTrigger] string message) => _ = message;
}
