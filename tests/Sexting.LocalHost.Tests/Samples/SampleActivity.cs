using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Instance activity with constructor injection and a cancellation token.</summary>
public sealed class SampleActivity(SampleGreeting greeting)
{
    [Function(nameof(SampleActivity))]
    public Task<string> RunAsync([ActivityTrigger] string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(greeting.Greet(name));
    }
}
