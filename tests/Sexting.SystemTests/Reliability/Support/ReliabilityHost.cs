using System.Globalization;
using Sexting.TestSupport;
using Sexting.TestSupport.Processes;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// The local host as the system-level reliability tests run it (a <see cref="LocalHostProcess"/>
/// of the test kit): a free loopback port, a task hub and worker id of its own (kept across a
/// restart), short work-item and claim leases so a killed host's work comes back in seconds.
/// </summary>
public static class ReliabilityHost
{
    public const string FunctionKey = "reliability-function-key-0123456789";

    /// <summary>A host on the storage of <paramref name="storageConnectionString"/>; <paramref name="settings"/> on top of the defaults.</summary>
    public static LocalHostProcess Create(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = Ports.GetFree();
        var baseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var taskHub = "Rel" + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_PROCESSOR_COUNT"] = null,
            ["PublicBaseUrl"] = baseUrl,
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Tables__ConnectionString"] = storageConnectionString,
            ["LocalHost__TaskHub"] = taskHub,
            ["LocalHost__WorkerId"] = "reliability-" + taskHub,
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["LocalHost__MaxQueuePollingInterval"] = "00:00:00.500",
            // A killed host's work comes back after this, and its open email claims lapse after the
            // lease: short here so the crash tests finish in seconds rather than minutes.
            ["LocalHost__WorkItemVisibilityTimeout"] = "00:00:10",
            ["Tables__ClaimLease"] = "00:00:08",
            // Every client here is 127.0.0.1; the intake limit (contract §11) is tested on its own.
            ["Intake__PermitsPerMinute"] = "1000000",
            // A review date far ahead, so the review timer (07:00 UTC) sends no policy reminder (contract §7) into
            // a test that counts every email; the reminder has tests of its own (ReviewRemindersEndToEndTests).
            ["Policy__NextReviewDate"] = "2099-01-01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return new LocalHostProcess(new LocalHostOptions
        {
            Port = port,
            Environment = environment,
            FunctionKey = FunctionKey,
            Name = "local host (reliability)",
        });
    }
}
