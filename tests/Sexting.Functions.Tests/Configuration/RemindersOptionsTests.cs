using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Tests.Configuration;

public sealed class RemindersOptionsTests
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

        Assert.Equal("0 0 7 * * *", host.Services.GetRequiredService<IOptions<RemindersOptions>>().Value.Schedule);
        var policy = host.Services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        Assert.Equal(new DateOnly(2020, 3, 13), policy.NextReviewDate);
        Assert.EndsWith(".example", policy.OwnerEmail, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_ValuesSet_BindsThem()
    {
        using var host = Build(new()
        {
            ["Reminders:Schedule"] = "*/2 * * * * *",
            ["Policy:NextReviewDate"] = "2027-03-13",
            ["Policy:OwnerEmail"] = "owner@prevention.example",
        });
        await host.StartAsync();

        Assert.Equal("*/2 * * * * *", host.Services.GetRequiredService<IOptions<RemindersOptions>>().Value.Schedule);
        var policy = host.Services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        Assert.Equal(new DateOnly(2027, 3, 13), policy.NextReviewDate);
        Assert.Equal("owner@prevention.example", policy.OwnerEmail);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Reminders:Schedule", "0 7 * * *")] // five fields: the Functions timer wants six
    [InlineData("Reminders:Schedule", "0 0 25 * * *")]
    [InlineData("Reminders:Schedule", "every day")]
    [InlineData("Policy:OwnerEmail", "nobody")]
    [InlineData("Policy:OwnerEmail", "Owner <owner@prevention.example>")]
    public async Task StartAsync_InvalidValue_FailsAtStartUp(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task StartAsync_ReviewDateNotADate_FailsAtStartUp()
    {
        using var host = Build(new() { ["Policy:NextReviewDate"] = "13/03/2020x" });

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());
    }
}
