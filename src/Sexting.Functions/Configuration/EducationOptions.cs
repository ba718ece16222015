namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>Education:DueAfter</c>: education and intervention due within this after authorisation (§3.4.7).</summary>
public sealed class EducationOptions
{
    public const string Section = "Education";

    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(28);

    public bool IsValid() => DueAfter > TimeSpan.Zero;
}
