namespace Sexting.LocalHost.Tests.Samples;

public sealed record SampleInput(string Name, int Number);
