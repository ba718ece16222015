namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>
/// The mailboxes the test hosts configure for each force (contract §1 <c>Forces:&lt;force&gt;:*</c>),
/// unlike the product's defaults, so the tests see the configuration honoured.
/// </summary>
public sealed record ForceContacts(string Manager, string Escalation, string Safeguarding, string YouthTeam, string Investigation)
{
    public static IReadOnlyList<string> ForceAreas { get; } = ["DevonAndCornwall", "Dorset"];

    /// <summary>The five mailboxes.</summary>
    public IEnumerable<string> All => [Manager, Escalation, Safeguarding, YouthTeam, Investigation];

    public static ForceContacts For(string forceArea)
    {
        var prefix = forceArea switch
        {
            "DevonAndCornwall" => "e2e-dc",
            "Dorset" => "e2e-dorset",
            _ => throw new ArgumentOutOfRangeException(nameof(forceArea), forceArea, "Unknown force."),
        };
        return new ForceContacts(
            $"{prefix}-manager@police.example",
            $"{prefix}-escalation@police.example",
            $"{prefix}-safeguarding@police.example",
            $"{prefix}-youth@police.example",
            $"{prefix}-investigation@police.example");
    }

    /// <summary>The settings as environment variables.</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment() =>
        ForceAreas.SelectMany(force =>
        {
            var c = For(force);
            return new Dictionary<string, string>
            {
                [$"Forces__{force}__AuthorisingManagerEmail"] = c.Manager,
                [$"Forces__{force}__EscalationEmail"] = c.Escalation,
                [$"Forces__{force}__SafeguardingExpertEmail"] = c.Safeguarding,
                [$"Forces__{force}__YouthTeamEmail"] = c.YouthTeam,
                [$"Forces__{force}__InvestigationEmail"] = c.Investigation,
            };
        });
}
