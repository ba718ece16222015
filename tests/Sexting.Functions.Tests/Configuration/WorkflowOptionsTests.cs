using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sexting.Core.Assessment;
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

        Assert.Equal("http://127.0.0.1:7071", host.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl);
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

        Assert.Equal("https://ypsi.example", host.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl);
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
}
