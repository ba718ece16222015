namespace Sexting.Functions.Configuration;

/// <summary>Contract §1, §11 <c>Reporter:ConfirmWithin</c>: how long a reporter has to confirm their address.</summary>
public sealed class ReporterOptions
{
    public const string Section = "Reporter";

    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromDays(3);

    public bool IsValid() => ConfirmWithin > TimeSpan.Zero;
}
