namespace Sexting.Deployment.Tests;

/// <summary>azure.yaml points azd at the Bicep and the Functions project (plain text checks; no YAML package here).</summary>
public sealed class AzureYamlTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepoPaths.File("azure.yaml"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    [Theory]
    [InlineData("provider: bicep")]
    [InlineData("path: infra")]
    [InlineData("module: main")]
    [InlineData("api:")]
    [InlineData("project: ./src/Sexting.Functions")]
    [InlineData("language: dotnet")]
    [InlineData("host: function")]
    public void AzureYaml_Line_Present(string line) => Assert.Contains(line, Lines);

    [Fact]
    public void AzureYaml_Project_Exists() =>
        Assert.True(File.Exists(RepoPaths.File("src", "Sexting.Functions", "Sexting.Functions.csproj")));

    [Fact]
    public void AzureYaml_ServiceName_MatchesSiteTag()
    {
        // azd finds the app to deploy to by the tag azd-service-name = the service name in azure.yaml.
        var functionApp = File.ReadAllText(RepoPaths.Infra("modules", "functionapp.bicep"));
        var main = File.ReadAllText(RepoPaths.Infra("main.bicep"));

        Assert.Contains("'azd-service-name': serviceName", functionApp, StringComparison.Ordinal);
        Assert.Contains("serviceName: 'api'", main, StringComparison.Ordinal);
    }
}
