using System.Globalization;
using Microsoft.Playwright;
using Sexting.Core.Referrals;

namespace Sexting.BrowserTests.Browser;

/// <summary>Fills the referral form with fictional, valid answers.</summary>
internal static class FormFiller
{
    public static DateOnly Today => UkClock.Today(TimeProvider.System);

    public static DateOnly Discovered => Today.AddDays(-1);

    public static DateOnly BornFifteenYearsAgo => Today.AddYears(-15).AddDays(-10);

    public static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static async Task FillAsync(IPage page, int people = 1)
    {
        await page.CheckAsync("#forceArea");
        await page.FillAsync("#setting-name", "Exe Valley Academy");
        await page.FillAsync("#reporter-name", "Jo Bloggs");
        await page.CheckAsync("#reporter-role");
        await page.FillAsync("#reporter-email", "dsl@exevalley.example");
        await FillDateAsync(page, "incident-discoveredOn", Discovered);
        await page.FillAsync("#incident-summary", "Two pupils exchanged images over a messaging app.");
        for (var i = 0; i < people; i++)
        {
            await FillPersonAsync(page, i, i == 0 ? "Alex Example" : "Sam Sample");
        }
    }

    public static async Task FillPersonAsync(IPage page, int index, string name)
    {
        await page.FillAsync($"#youngPeople-{index}-name", name);
        await FillDateAsync(page, $"youngPeople-{index}-dateOfBirth", BornFifteenYearsAgo);
        await page.CheckAsync($"#youngPeople-{index}-role-Recipient");
    }

    public static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.FillAsync($"#{id}-day", S(date.Day));
        await page.FillAsync($"#{id}-month", S(date.Month));
        await page.FillAsync($"#{id}-year", S(date.Year));
    }
}
