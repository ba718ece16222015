namespace Sexting.Functions.Staff;

/// <summary>
/// Section <c>Api</c>: the key machines present to read cases and reports (contract §3, §8). Those
/// routes also admit signed-in staff, so in Azure they are anonymous to the Functions host and the
/// app checks this key itself, taken as Azure takes a function key (docs/architecture.md). In Azure
/// it is a Key Vault reference; the local host sets it from <c>LocalHost:FunctionKey</c>.
/// </summary>
public sealed class FunctionKeyOptions
{
    public const string Section = "Api";

    /// <summary>The key; unset, no key opens anything (machines cannot read, staff still can).</summary>
    public string? FunctionKey { get; set; }
}
