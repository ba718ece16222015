using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Assessment;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Tests.Configuration;

public sealed class WorkflowOptionsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSextingWorkflow(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task StartAsync_NothingSet_StartsWithContractDefaults()
    {
        using var host = Build([]);
        await host.StartAsync();

        Assert.Equal(new Uri("http://127.0.0.1:7071"), host.Services.GetRequiredService<IOptions<PublicLinkOptions>>().Value.PublicBaseUrl);
        var approval = host.Services.GetRequiredService<IOptions<ApprovalOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(1), approval.ReminderAfter);
        Assert.Equal(TimeSpan.FromDays(2), approval.EscalateAfter);
        Assert.Equal(TimeSpan.FromDays(7), approval.LinkLifetime);
        Assert.Equal(TimeSpan.FromDays(28), host.Services.GetRequiredService<IOptions<EducationOptions>>().Value.DueAfter);
        Assert.Equal(3, host.Services.GetRequiredService<IOptions<AssessmentOptions>>().Value.SignificantAgeGapYears);
        Assert.EndsWith(".example", host.Services.GetRequiredService<IOptions<ForcesOptions>>().Value.Dorset.YouthTeamEmail, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_ValuesSet_BindsThem()
    {
        using var host = Build(new()
        {
            ["PublicBaseUrl"] = "https://ypsi.example",
            ["Approval:ReminderAfter"] = "00:00:05",
            ["Approval:EscalateAfter"] = "00:00:10",
            ["Forces:Dorset:YouthTeamEmail"] = "sscst@dorset.example",
        });
        await host.StartAsync();

        Assert.Equal(new Uri("https://ypsi.example"), host.Services.GetRequiredService<IOptions<PublicLinkOptions>>().Value.PublicBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<ApprovalOptions>>().Value.ReminderAfter);
        var forces = host.Services.GetRequiredService<IOptions<ForcesOptions>>().Value;
        Assert.Equal("sscst@dorset.example", forces.Dorset.YouthTeamEmail);
        Assert.EndsWith(".example", forces.Dorset.InvestigationEmail, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("PublicBaseUrl", "not a url")]
    [InlineData("Approval:EscalateAfter", "00:00:01")]
    [InlineData("Education:DueAfter", "-1.00:00:00")]
    [InlineData("Forces:DevonAndCornwall:InvestigationEmail", "nobody")]
    [InlineData("Assessment:SignificantAgeGapYears", "0")]
    public async Task StartAsync_InvalidValue_FailsAtStartUp(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static Dictionary<string, string?> Kent(params string[] without)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Forces:Kent:DisplayName"] = "Kent Police",
            ["Forces:Kent:CrimeReferencePrefix"] = "KT",
            ["Forces:Kent:LocalOutcomeCode"] = "Outcome 21",
            ["Forces:Kent:YouthTeamName"] = "Schools Officer Team",
            ["Forces:Kent:Website"] = "https://www.kent.police.example/",
            ["Forces:Kent:AuthorisingManagerEmail"] = "kent-manager@police.example",
            ["Forces:Kent:EscalationEmail"] = "kent-escalation@police.example",
            ["Forces:Kent:SafeguardingExpertEmail"] = "kent-ppu@police.example",
            ["Forces:Kent:YouthTeamEmail"] = "kent-schools@police.example",
            ["Forces:Kent:InvestigationEmail"] = "kent-cid@police.example",
        };
        foreach (var key in without)
        {
            settings.Remove("Forces:Kent:" + key);
        }

        return settings;
    }

    // Contract §1 (v2): a third force by configuration alone; the two Alliance forces stay built in.
    [Fact]
    public async Task StartAsync_ThirdForceConfigured_ItIsAForceWithItsOwnProfile()
    {
        using var host = Build(Kent());
        await host.StartAsync();

        var forces = host.Services.GetRequiredService<ForceProfiles>();
        Assert.Equal(["DevonAndCornwall", "Dorset", "Kent"], forces.All.Select(p => p.Force.Name));
        var kent = forces.For(ForceArea.Of("Kent"));
        Assert.Equal(("Kent Police", "KT", "Outcome 21", "Schools Officer Team"), (kent.DisplayName, kent.CrimeReferencePrefix, kent.LocalOutcomeCode, kent.YouthTeamName));
        Assert.Null(kent.PolicyAppendix);
        Assert.Equal("kent-schools@police.example", host.Services.GetRequiredService<IOptions<ForcesOptions>>().Value.For(ForceArea.Of("Kent")).YouthTeamEmail);
        Assert.Equal("Outcome 27", forces.For(ForceArea.DevonAndCornwall).LocalOutcomeCode); // §3.4.2, built in
        Assert.Equal("C", forces.For(ForceArea.DevonAndCornwall).PolicyAppendix);

        var json = Fakes.Referrals.Json().Replace("\"DevonAndCornwall\"", "\"Kent\"", StringComparison.Ordinal);
        Assert.Equal(ForceArea.Of("Kent"), host.Services.GetRequiredService<ReferralParser>().Parse(json).Referral!.ForceArea);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("DisplayName")]
    [InlineData("CrimeReferencePrefix")]
    [InlineData("LocalOutcomeCode")]
    [InlineData("YouthTeamName")]
    [InlineData("Website")]
    [InlineData("AuthorisingManagerEmail")]
    [InlineData("EscalationEmail")]
    [InlineData("SafeguardingExpertEmail")]
    [InlineData("YouthTeamEmail")]
    [InlineData("InvestigationEmail")]
    public async Task StartAsync_ThirdForceMissingAKey_StopsNamingTheKey(string key)
    {
        using var host = Build(Kent(key));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Forces:Kent:{key} is required for every configured force.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Forces:Kent:CrimeReferencePrefix", "DC", "Forces:Kent:CrimeReferencePrefix DC is already the prefix of DevonAndCornwall")]
    [InlineData("Forces:Kent:CrimeReferencePrefix", "kt", "Forces:Kent:CrimeReferencePrefix must be 2 to 4 capital letters")]
    [InlineData("Forces:Kent:Website", "http://www.kent.police.example/", "Forces:Kent:Website must be an absolute https address")]
    [InlineData("Forces:Kent:YouthTeamEmail", "x@[127.0.0.1]", "Forces:Kent:YouthTeamEmail must be a plain email address")]
    [InlineData("Forces:Dorset:CrimeReferencePrefix", "", "Forces:Dorset:CrimeReferencePrefix is required")]
    public async Task StartAsync_ForceKeyThatCannotWork_StopsWithClearMessage(string key, string value, string message)
    {
        var settings = Kent();
        settings[key] = value;
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ForceNameNotAnIdentifier_Stops()
    {
        using var host = Build(new() { ["Forces:Avon and Somerset:DisplayName"] = "Avon and Somerset Police" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Forces:Avon and Somerset: a force's name must be an ASCII letter", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BuiltInForceKeyInOtherCase_OverridesTheBuiltInForce()
    {
        using var host = Build(new() { ["Forces:dorset:YouthTeamName"] = "Safer Schools Team" });
        await host.StartAsync();

        var forces = host.Services.GetRequiredService<ForceProfiles>();
        Assert.Equal(["DevonAndCornwall", "Dorset"], forces.All.Select(p => p.Force.Name));
        Assert.Equal("Safer Schools Team", forces.For(ForceArea.Dorset).YouthTeamName);
        Assert.Equal("DO", forces.For(ForceArea.Dorset).CrimeReferencePrefix);
        await host.StopAsync();
    }
}
