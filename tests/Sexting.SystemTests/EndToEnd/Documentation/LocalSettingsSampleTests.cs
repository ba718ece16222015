namespace Sexting.SystemTests.EndToEnd.Documentation;

/// <summary>
/// local.settings.sample.json lists every key of contract §1 with its default, in the `__` form
/// the Functions host reads. (Every host these tests start takes the sample's values as its base
/// environment, so a value the app would refuse fails every scenario too.)
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LocalSettingsSampleTests
{
    public static TheoryData<string, string> ContractDefaults() => new()
    {
        { "PublicBaseUrl", "http://127.0.0.1:7071" },
        { "Tables__ConnectionString", "UseDevelopmentStorage=true" },
        { "Email__Mode", "Outbox" },
        { "Email__OutboxPath", ".local/outbox" },
        { "Email__From", "no-reply@ypsi.example" },
        { "SendGrid__ApiKey", "" },
        { "SendGrid__Host", "" },
        { "Forces__DevonAndCornwall__AuthorisingManagerEmail", "dc-authorising-manager@police.example" },
        { "Forces__DevonAndCornwall__EscalationEmail", "dc-escalation@police.example" },
        { "Forces__DevonAndCornwall__SafeguardingExpertEmail", "dc-safeguarding@police.example" },
        { "Forces__DevonAndCornwall__YouthTeamEmail", "dc-youth-team@police.example" },
        { "Forces__DevonAndCornwall__InvestigationEmail", "dc-investigation@police.example" },
        { "Forces__Dorset__AuthorisingManagerEmail", "dorset-authorising-manager@police.example" },
        { "Forces__Dorset__EscalationEmail", "dorset-escalation@police.example" },
        { "Forces__Dorset__SafeguardingExpertEmail", "dorset-safeguarding@police.example" },
        { "Forces__Dorset__YouthTeamEmail", "dorset-youth-team@police.example" },
        { "Forces__Dorset__InvestigationEmail", "dorset-investigation@police.example" },
        { "Approval__ReminderAfter", "1.00:00:00" },
        { "Approval__EscalateAfter", "2.00:00:00" },
        { "Approval__LinkLifetime", "7.00:00:00" },
        { "Education__DueAfter", "28.00:00:00" },
        { "Reminders__Schedule", "0 0 7 * * *" },
        { "Policy__NextReviewDate", "2020-03-13" },
        { "Policy__OwnerEmail", "prevention@alliance.police.example" },
        { "Assessment__SignificantAgeGapYears", "3" },
        { "Intake__PermitsPerMinute", "10" },
        { "Intake__TrustedReporterDomains", "sch.uk" },
        { "Reporter__ConfirmWithin", "3.00:00:00" },
        { "Retention__ClosedCaseAfter", "2190.00:00:00" },
        { "Retention__UnconfirmedAfter", "30.00:00:00" },
        { "Retention__Schedule", "0 30 2 * * *" },
    };

    [Theory]
    [MemberData(nameof(ContractDefaults))]
    public void Sample_ContractKey_ListedWithItsDefault(string key, string expected)
    {
        var values = LocalSettingsSample.Values();

        Assert.True(values.ContainsKey(key), $"{LocalSettingsSample.Path} does not list {key}.");
        Assert.Equal(expected, values[key]);
    }

    [Fact]
    public void Sample_FunctionsHostKeys_Present()
    {
        var values = LocalSettingsSample.Values();

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Sample_EveryKey_UsesDoubleUnderscoreNotColon()
    {
        Assert.All(LocalSettingsSample.Values().Keys, key => Assert.DoesNotContain(':', key));
    }
}
