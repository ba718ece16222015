using System.Text.Json;
using Sexting.Functions.Intake;
using Sexting.SystemTests.Reliability.Support;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>Posts intake requests to the real function and checks the contract's promise for a rejected one.</summary>
public static class IntakeProbe
{
    public static async Task<AppHarness.Answer> PostAsync(AppHarness app, HostileRequest hostile)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(hostile);
        var request = AppHarness.Request("POST", hostile.ContentType, hostile.Body, hostile.ContentLength);
        var result = await app.Create<ReferralIntakeHttp>().RunAsync(request, app.Client, CancellationToken.None);
        return await AppHarness.ExecuteAsync(result, request);
    }

    /// <summary>
    /// Null when the request was refused as the contract demands (4xx, problem details, the
    /// specific status when one is expected, errors keyed by path for a 400, nothing stored,
    /// no orchestration, no email, no personal data logged); otherwise what went wrong.
    /// </summary>
    public static async Task<string?> CheckRejectedAsync(AppHarness app, HostileRequest hostile, AppHarness.Answer answer, string? expectedErrorPath = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(answer);
        var problems = new List<string>();
        if (answer.Status is < 400 or >= 500)
        {
            problems.Add($"status {answer.Status}");
        }

        if (hostile.ExpectedStatus is { } expected && answer.Status != expected)
        {
            problems.Add($"status {answer.Status}, expected {expected}");
        }

        if (answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            problems.Add($"content type {answer.ContentType}");
        }
        else
        {
            try
            {
                using var problem = JsonDocument.Parse(answer.Body);
                var root = problem.RootElement;
                if (!root.TryGetProperty("status", out var status) || status.GetInt32() != answer.Status || !root.TryGetProperty("title", out _))
                {
                    problems.Add("problem details without status or title");
                }

                if (answer.Status == 400)
                {
                    if (!root.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any())
                    {
                        problems.Add("400 without errors");
                    }
                    else if (expectedErrorPath is not null && !errors.EnumerateObject().Any(e => e.Name == expectedErrorPath || e.Name.StartsWith(expectedErrorPath, StringComparison.Ordinal) || expectedErrorPath.StartsWith(e.Name, StringComparison.Ordinal)))
                    {
                        problems.Add($"no error at {expectedErrorPath}: {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}");
                    }
                }
            }
            catch (JsonException)
            {
                problems.Add("problem details not JSON");
            }
        }

        var stored = await app.CountStoredAsync();
        if (stored != 0)
        {
            problems.Add($"{stored} entities stored");
        }

        if (app.DurableCalls != 0)
        {
            problems.Add($"{app.DurableCalls} durable calls");
        }

        if (app.OutboxFiles != 0)
        {
            problems.Add($"{app.OutboxFiles} emails written");
        }

        var leaked = ValidReferral.Personal.Where(p => app.Logs.Text.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
        if (leaked.Count > 0)
        {
            problems.Add("logged: " + string.Join(", ", leaked));
        }

        return problems.Count == 0 ? null : $"{hostile.Name}: {string.Join("; ", problems)}";
    }
}
