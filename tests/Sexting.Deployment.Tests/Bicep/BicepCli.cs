using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Sexting.Deployment.Tests.Bicep;

/// <summary>Runs the Bicep CLI that restore downloaded (package Azure.Bicep.CommandLine.linux-x64).</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("BICEP_PATH");
            if (string.IsNullOrEmpty(path))
            {
                path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "BicepPath").Value;
            }

            if (path is null || !File.Exists(path))
            {
                throw new FileNotFoundException(
                    "Bicep CLI not found; restore tests/Sexting.Deployment.Tests (PackageDownload) or set BICEP_PATH.", path);
            }

            return path;
        }
    }

    /// <summary>Compiles <paramref name="bicepFile"/> to a temporary ARM JSON file and reads it back.</summary>
    public static async Task<BicepBuildResult> BuildAsync(string bicepFile)
    {
        var executable = ExecutablePath;
        EnsureExecutable(executable);

        var outDir = Directory.CreateTempSubdirectory("sexting-bicep-");
        try
        {
            var outFile = Path.Combine(outDir.FullName, "main.json");
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("build");
            start.ArgumentList.Add(bicepFile);
            start.ArgumentList.Add("--outfile");
            start.ArgumentList.Add(outFile);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var cts = new CancellationTokenSource(Timeout))
            {
                await process.WaitForExitAsync(cts.Token);
            }

            stopwatch.Stop();
            var output = (await stdout) + (await stderr);
            var json = File.Exists(outFile) ? await File.ReadAllTextAsync(outFile) : null;
            return new BicepBuildResult(process.ExitCode, Parse(output), output, json, stopwatch.Elapsed);
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    private static List<BicepDiagnostic> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new BicepDiagnostic(m.Groups["level"].Value, m.Groups["code"].Value, m.Value))
            .ToList();

    // A NuGet extraction does not always keep the execute bit.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }

    [GeneratedRegex(@"^.*\(\d+,\d+\) : (?<level>Error|Warning|Info) (?<code>[A-Za-z0-9-]+): .*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
