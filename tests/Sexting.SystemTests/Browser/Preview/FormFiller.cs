using System.Globalization;
using Microsoft.Playwright;
using Sexting.Core.Referrals;

namespace Sexting.SystemTests.Browser.Preview;

/// <summary>Fills the referral form with fictional, valid answers.</summary>
internal static class FormFiller
{
    public static DateOnly Today => UkClock.Today(TimeProvider.System);

    public static DateOnly Discovered => Today.AddDays(-1);

    public static DateOnly BornFifteenYearsAgo => Today.AddYears(-15).AddDays(-10);

    public static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fictional young person's name not used before: the real app counts the same name and date of birth in an earlier referral as repeat offending (§3.4.6).</summary>
    public static string NewName()
    {
        var letters = Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))).ToArray();
        letters[0] = char.ToUpperInvariant(letters[0]);
        return "Alex " + new string(letters);
    }

    public static async Task FillAsync(IPage page, int people = 1, string firstName = "Alex Example")
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
            await FillPersonAsync(page, i, i == 0 ? firstName : "Sam Sample");
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

    /// <summary>
    /// Completes the form with the keyboard alone (Tab, arrows, Space, typing), as a valid Dorset
    /// referral, and leaves focus on "Send report". Returns the number of Tab presses.
    /// </summary>
    public static async Task<int> FillByKeyboardAsync(IPage page)
    {
        var tabs = 0;

        async Task TabTo(string id)
        {
            for (var i = 0; i < 200; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                tabs++;
                if (await page.EvaluateAsync<string>("() => document.activeElement.id") == id)
                {
                    return;
                }
            }

            Assert.Fail($"Tab never reached #{id}");
        }

        async Task Type(string id, string text)
        {
            await TabTo(id);
            await page.Keyboard.TypeAsync(text);
        }

        // The skip link comes first and moves focus past the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        await TabTo("forceArea");
        await page.Keyboard.PressAsync("ArrowDown"); // Dorset
        await Type("setting-name", "Exe Valley Academy");
        await Type("reporter-name", "Jo Bloggs");
        await TabTo("reporter-role");
        await page.Keyboard.PressAsync("Space");
        await Type("reporter-email", "dsl@exevalley.example");
        await Type("incident-discoveredOn-day", S(Discovered.Day));
        await Type("incident-discoveredOn-month", S(Discovered.Month));
        await Type("incident-discoveredOn-year", S(Discovered.Year));
        await Type("incident-summary", "Two pupils exchanged images.");
        await Type("youngPeople-0-name", "Alex Example");
        await Type("youngPeople-0-dateOfBirth-day", S(BornFifteenYearsAgo.Day));
        await Type("youngPeople-0-dateOfBirth-month", S(BornFifteenYearsAgo.Month));
        await Type("youngPeople-0-dateOfBirth-year", S(BornFifteenYearsAgo.Year));
        await TabTo("youngPeople-0-role");
        await page.Keyboard.PressAsync("ArrowDown"); // Sender
        await TabTo("concerns-immediateRiskOfHarm");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        // v2 asks more (UKCIS initial review, imagery, "anything else"): more stops before the button.
        for (var i = 0; i < 24 && await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != "Send report"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Send report", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        return tabs;
    }
}
