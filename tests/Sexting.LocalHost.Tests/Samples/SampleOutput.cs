namespace Sexting.LocalHost.Tests.Samples;

public sealed record SampleOutput(string Greeting, int Number, bool Approved);
