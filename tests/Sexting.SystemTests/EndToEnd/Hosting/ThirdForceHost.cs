namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// A product instance with a third force onboarded by configuration alone (contract §1:
/// <c>Forces:&lt;force&gt;:*</c>, here as environment variables): no code knows this force.
/// </summary>
public sealed class ThirdForceHost : WorkflowHost
{
    public const string Force = "AvonAndSomerset";
    public const string DisplayName = "Avon and Somerset Police";
    public const string Prefix = "AS";
    public const string LocalOutcome = "Outcome 21AS";
    public const string YouthTeamName = "Schools Liaison Team";
    public const string Website = "https://www.avonandsomerset.police.example/nudes-advice";

    public static readonly Client.ForceContacts Contacts = new(
        "e2e-as-manager@police.example",
        "e2e-as-escalation@police.example",
        "e2e-as-safeguarding@police.example",
        "e2e-as-youth@police.example",
        "e2e-as-investigation@police.example");

    public ThirdForceHost()
        : base("third-force", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [$"Forces__{Force}__DisplayName"] = DisplayName,
        [$"Forces__{Force}__CrimeReferencePrefix"] = Prefix,
        [$"Forces__{Force}__LocalOutcomeCode"] = LocalOutcome,
        [$"Forces__{Force}__YouthTeamName"] = YouthTeamName,
        [$"Forces__{Force}__Website"] = Website,
        [$"Forces__{Force}__AuthorisingManagerEmail"] = Contacts.Manager,
        [$"Forces__{Force}__EscalationEmail"] = Contacts.Escalation,
        [$"Forces__{Force}__SafeguardingExpertEmail"] = Contacts.Safeguarding,
        [$"Forces__{Force}__YouthTeamEmail"] = Contacts.YouthTeam,
        [$"Forces__{Force}__InvestigationEmail"] = Contacts.Investigation,
    };
}
