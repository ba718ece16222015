using System.Text.Json;

namespace Sexting.Functions.Tests.Metadata;

/// <summary>
/// The functions.metadata that Worker.Sdk generates when the app builds is what the Functions host
/// reads: every function with its trigger, route, methods and authorisation level.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string, string?, string?, string?> Expected => new()
    {
        { "SubmitReferral", "httpTrigger", "referrals", "post", "Anonymous" },
        { "GetReferral", "httpTrigger", "referrals/{referralId}", "get", "Anonymous" },
        { "ShowApproval", "httpTrigger", "approvals/{token}", "get", "Anonymous" },
        { "SubmitApproval", "httpTrigger", "approvals/{token}", "post", "Anonymous" },
        { "ShowEducation", "httpTrigger", "education/{token}", "get", "Anonymous" },
        { "SubmitEducation", "httpTrigger", "education/{token}", "post", "Anonymous" },
        { "ShowReferralForm", "httpTrigger", "form", "get", "Anonymous" },
        { "AddYoungPerson", "httpTrigger", "form", "post", "Anonymous" },
        { "PageAsset", "httpTrigger", "assets/{*path}", "get", "Anonymous" },
        { "GetSummaryReport", "httpTrigger", "reports/summary", "get", "Anonymous" },
        { "ListCases", "httpTrigger", "cases", "get", "Anonymous" },
        { "GetCaseAudit", "httpTrigger", "cases/{referralId}/audit", "get", "Anonymous" },
        { "GetCasePage", "httpTrigger", "cases/{referralId}", "get", "Anonymous" },
        { "DecideFromCasePage", "httpTrigger", "cases/{referralId}/decision", "post", "Anonymous" },
        { "VerifyTimeline", "httpTrigger", "cases/{referralId}/verify", "get", "Anonymous" },
        { "ExportCase", "httpTrigger", "cases/{referralId}/export", "get", "Anonymous" },
        { "ReviewRemindersTimer", "timerTrigger", null, null, null },
        { "ReferralOrchestration", "orchestrationTrigger", null, null, null },
        { "AssessReferralActivity", "activityTrigger", null, null, null },
        { "MoveCaseActivity", "activityTrigger", null, null, null },
        { "SendEmailActivity", "activityTrigger", null, null, null },
        { "SendLinkEmailActivity", "activityTrigger", null, null, null },
        { "RecordAuthorisationActivity", "activityTrigger", null, null, null },
        { "RecordEducationDeliveredActivity", "activityTrigger", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void FunctionsMetadata_AfterBuild_ListsFunctionWithTriggerRouteMethodsAndAuthLevel(string name, string trigger, string? route, string? method, string? authLevel)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath()));

        var function = metadata.RootElement.EnumerateArray().SingleOrDefault(f => f.GetProperty("name").GetString() == name);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"{name} is not in functions.metadata");
        var binding = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        Assert.Equal(trigger, binding.GetProperty("type").GetString());
        if (route is not null)
        {
            Assert.Equal(route, binding.GetProperty("route").GetString());
            Assert.Equal([method], binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(authLevel, binding.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void FunctionsMetadata_AfterBuild_ReviewTimerRunsOnConfiguredSchedule()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath()));

        var timer = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "ReviewRemindersTimer");
        var binding = timer.GetProperty("bindings").EnumerateArray().Single();
        Assert.Equal("%Reminders:Schedule%", binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public void FunctionsMetadata_AfterBuild_RetentionTimerRunsOnConfiguredScheduleWithADurableClient()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath()));

        var timer = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "RetentionTimer");
        var bindings = timer.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal("%Retention:Schedule%", bindings.Single(b => b.GetProperty("type").GetString() == "timerTrigger").GetProperty("schedule").GetString());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "durableClient"); // to purge the history (contract §12)

        var rewrap = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "DataKeyRewrapTimer");
        Assert.Equal("%Retention:Schedule%", rewrap.GetProperty("bindings").EnumerateArray().Single().GetProperty("schedule").GetString());
    }

    [Fact]
    public void FunctionsMetadata_AfterBuild_FunctionsWithDurableClientAreThoseThatRaiseScheduleOrPurge()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath()));

        var withClient = metadata.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "durableClient"))
            .Select(f => f.GetProperty("name").GetString())
            .Order(StringComparer.Ordinal);
        // Issue 20: the workspace's investigation actions raise CaseAction (and the return reads the instance).
        Assert.Equal(["AcceptInvestigation", "CloseInvestigation", "DecideFromCasePage", "RetentionTimer", "ReturnInvestigation", "SubmitApproval", "SubmitConfirmation", "SubmitEducation", "SubmitReferral"], withClient);
    }

    // The Functions app's own output folder, same configuration as this test build.
    private static string MetadataPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name; // bin/<Configuration>/<tfm>/
        var tfm = testOutput.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sexting.Functions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", "Sexting.Functions", "bin", configuration, tfm, "functions.metadata");
        Assert.True(File.Exists(path), "functions.metadata not found; build src/Sexting.Functions first");
        return path;
    }
}
