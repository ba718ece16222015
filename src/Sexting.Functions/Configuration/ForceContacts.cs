namespace Sexting.Functions.Configuration;

/// <summary>The mailboxes of one force (contract §1 <c>Forces:&lt;force&gt;:*</c>).</summary>
public sealed class ForceContacts
{
    /// <summary>Line manager(s) who authorise Outcome 21 (§3.4.3).</summary>
    public string AuthorisingManagerEmail { get; set; } = "";

    /// <summary>Asked when the manager has not answered.</summary>
    public string EscalationEmail { get; set; } = "";

    /// <summary>Public Protection Unit DS or equivalent (§3.4.3).</summary>
    public string SafeguardingExpertEmail { get; set; } = "";

    /// <summary>Youth Intervention Officer (§3.4.8) or Safer Schools and Communities Team (§3.4.9).</summary>
    public string YouthTeamEmail { get; set; } = "";

    /// <summary>Where aggravated cases go (§1.2.2, §3.5).</summary>
    public string InvestigationEmail { get; set; } = "";

    public IEnumerable<string> All() =>
        [AuthorisingManagerEmail, EscalationEmail, SafeguardingExpertEmail, YouthTeamEmail, InvestigationEmail];
}
