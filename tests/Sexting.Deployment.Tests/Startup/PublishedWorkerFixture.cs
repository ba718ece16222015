using System.Diagnostics;
using Sexting.TestSupport;

namespace Sexting.Deployment.Tests.Startup;

/// <summary>
/// <c>dotnet publish src/Sexting.Functions</c> once for the collection, as azd does before it
/// deploys: the worker under test is the published package, not the build output.
/// </summary>
public sealed class PublishedWorkerFixture : IAsyncLifetime
{
    private string? _root;

    public string Directory => Path.Combine(_root ?? throw new InvalidOperationException("Not published yet."), "publish");

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        _root = System.IO.Directory.CreateTempSubdirectory("sexting-worker-").FullName;
        var clock = Stopwatch.StartNew();
        await using var publish = ProcessRunner.Start(
            "dotnet",
            ["publish", Path.Combine("src", "Sexting.Functions"), "-c", "Release", "-o", Directory, "--nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary"],
            RepositoryRoot.Path,
            name: "dotnet publish");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(timeout.Token);
        PublishTime = clock.Elapsed;
        Assert.True(publish.ExitCode == 0, $"dotnet publish src/Sexting.Functions exited {publish.ExitCode}:\n{publish.Output}");
        Assert.True(File.Exists(Path.Combine(Directory, "Sexting.Functions.dll")), "no Sexting.Functions.dll in the publish folder");
    }

    public Task DisposeAsync()
    {
        if (_root is not null)
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerStartupCollection : ICollectionFixture<PublishedWorkerFixture>, ICollectionFixture<CompiledInfraFixture>
{
    public const string Name = "Published Functions worker";
}
