namespace Sexting.Functions.Configuration;

/// <summary>
/// One force's section of configuration (contract §1 <c>Forces:&lt;force&gt;:*</c>): what the
/// force is called and how it records Outcome 21, and its mailboxes. The two Alliance forces have
/// every key built in; any other force must give them all (<see cref="ForcesOptionsValidator"/>).
/// </summary>
public sealed class ForceSettings
{
    /// <summary>The force's name as people know it ("Dorset Police").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Prefix of its crime references, 2 to 4 capital letters (contract §2: <c>DC-2026-000001</c>).</summary>
    public string CrimeReferencePrefix { get; set; } = "";

    /// <summary>Its own code for national Outcome 21 (§3.4.2).</summary>
    public string LocalOutcomeCode { get; set; } = "";

    /// <summary>Its crime recording system, where the local code lives (optional; §3.4.2 names UNIFI).</summary>
    public string? CrimeRecordingSystem { get; set; }

    /// <summary>Who delivers education and intervention (§3.4.7-§3.4.9).</summary>
    public string YouthTeamName { get; set; } = "";

    /// <summary>The force's web page of advice (§3.2.3), an absolute https address.</summary>
    public string Website { get; set; } = "";

    /// <summary>Line manager(s) who authorise Outcome 21 (§3.4.3).</summary>
    public string AuthorisingManagerEmail { get; set; } = "";

    /// <summary>Asked when the manager has not answered.</summary>
    public string EscalationEmail { get; set; } = "";

    /// <summary>Public Protection Unit DS or equivalent (§3.4.3).</summary>
    public string SafeguardingExpertEmail { get; set; } = "";

    /// <summary>Youth Intervention Officer (§3.4.8), Safer Schools and Communities Team (§3.4.9) or the force's equivalent.</summary>
    public string YouthTeamEmail { get; set; } = "";

    /// <summary>Where aggravated cases go (§1.2.2, §3.5).</summary>
    public string InvestigationEmail { get; set; } = "";

    /// <summary>The mailboxes, by configuration key.</summary>
    public IEnumerable<(string Key, string Value)> Mailboxes() =>
    [
        (nameof(AuthorisingManagerEmail), AuthorisingManagerEmail),
        (nameof(EscalationEmail), EscalationEmail),
        (nameof(SafeguardingExpertEmail), SafeguardingExpertEmail),
        (nameof(YouthTeamEmail), YouthTeamEmail),
        (nameof(InvestigationEmail), InvestigationEmail),
    ];
}
