namespace Sexting.LocalHost.Tests.Samples;

/// <summary>The sample function classes the tests host (the test assembly holds other [Function] types on purpose).</summary>
public static class SampleTypes
{
    public static readonly Type[] All =
    [
        typeof(SampleHttp), typeof(SampleSecureHttp), typeof(SampleStartHttp),
        typeof(SampleOrchestration), typeof(SampleActivity), typeof(SampleTimer),
    ];
}
