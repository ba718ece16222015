using System.Text.Json;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Documentation;

/// <summary>The <c>Values</c> of the repository's local.settings.sample.json (what <c>func start</c> users copy).</summary>
public static class LocalSettingsSample
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Path, "local.settings.sample.json");

    public static IReadOnlyDictionary<string, string> Values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
