namespace Sexting.Deployment.Tests.Bicep;

/// <summary>The outcome of <c>bicep build</c>: exit code, every diagnostic, the ARM JSON if any.</summary>
internal sealed record BicepBuildResult(int ExitCode, IReadOnlyList<BicepDiagnostic> Diagnostics, string Output, string? Json, TimeSpan Elapsed)
{
    /// <summary>
    /// Clean means exit code 0 and not a single diagnostic. Bicep exits 0 on warnings, and
    /// bicepconfig.json cannot raise compiler type warnings (BCP035/BCP036/BCP037/BCP081) to errors,
    /// so any warning fails here.
    /// </summary>
    public bool IsClean => ExitCode == 0 && Diagnostics.Count == 0 && Json is not null;
}
