namespace Sexting.LocalHost.Tests.Samples;

/// <summary>A service the sample functions take by constructor injection.</summary>
public sealed class SampleGreeting
{
    public string Greet(string name) => $"Hello {name}";
}
