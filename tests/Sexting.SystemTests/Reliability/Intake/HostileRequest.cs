namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>One hostile or malformed intake request and, when it is specific, the status the contract demands.</summary>
public sealed record HostileRequest(string Name, string? ContentType, byte[] Body, int? ExpectedStatus = null, long? ContentLength = -1)
{
    public override string ToString() => Name;
}
