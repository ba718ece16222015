using Microsoft.Extensions.Configuration;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Configuration;

/// <summary>
/// Contract §1 <c>Forces:*</c>: every force the app serves, by its configuration name. The two
/// Alliance forces of SA028 are built in, with the policy's wording and example mailboxes, so the
/// app starts with nothing set; configuration may override any of their keys. Any other
/// <c>Forces:&lt;force&gt;</c> section onboards that force, by configuration alone: it must give
/// every key (<see cref="ForcesOptionsValidator"/> stops start-up otherwise).
/// </summary>
public sealed class ForcesOptions
{
    public const string Section = "Forces";

    private readonly Dictionary<string, ForceSettings> _forces = new(StringComparer.Ordinal)
    {
        [ForceArea.DevonAndCornwall.Name] = Defaults(ForceArea.DevonAndCornwall, "dc"),
        [ForceArea.Dorset.Name] = Defaults(ForceArea.Dorset, "dorset"),
    };

    /// <summary>Every force, built-in ones first, by name.</summary>
    public IReadOnlyDictionary<string, ForceSettings> Forces => _forces;

    /// <summary>Devon and Cornwall Police.</summary>
    public ForceSettings DevonAndCornwall => _forces[ForceArea.DevonAndCornwall.Name];

    /// <summary>Dorset Police.</summary>
    public ForceSettings Dorset => _forces[ForceArea.Dorset.Name];

    /// <summary>The settings of a force.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The force is not configured.</exception>
    public ForceSettings For(ForceArea force) =>
        _forces.GetValueOrDefault(force.Name) ?? throw new ArgumentOutOfRangeException(nameof(force), force.Name, "Unknown force area.");

    /// <summary>
    /// Reads the <c>Forces</c> section: each child is a force. A built-in force is matched whatever
    /// the casing of its key (configuration keys are case-insensitive) and keeps its defaults for
    /// keys not given; any other takes its name from its key, exactly as written.
    /// </summary>
    public void Load(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            var name = _forces.Keys.FirstOrDefault(k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) ?? child.Key;
            if (!_forces.TryGetValue(name, out var settings))
            {
                _forces[name] = settings = new ForceSettings();
            }

            child.Bind(settings);
        }
    }

    /// <summary>The forces as Core sees them; call only on validated options.</summary>
    public ForceProfiles ToProfiles() => new(_forces.Select(f => ProfileOf(f.Key, f.Value)));

    private static ForceProfile ProfileOf(string name, ForceSettings settings)
    {
        // The policy's own paragraph and appendix stay with a built-in force whatever its wording.
        var builtIn = ForceProfiles.BuiltInProfileOf(name);
        return new ForceProfile(
            ForceArea.Of(name),
            settings.DisplayName.Trim(),
            settings.CrimeReferencePrefix.Trim(),
            settings.LocalOutcomeCode.Trim(),
            string.IsNullOrWhiteSpace(settings.CrimeRecordingSystem) ? null : settings.CrimeRecordingSystem.Trim(),
            settings.YouthTeamName.Trim(),
            builtIn?.YouthTeamPolicyRef,
            new Uri(settings.Website.Trim(), UriKind.Absolute),
            builtIn?.PolicyAppendix);
    }

    private static ForceSettings Defaults(ForceArea force, string mailbox)
    {
        var profile = ForceProfiles.BuiltIn.For(force);
        return new ForceSettings
        {
            DisplayName = profile.DisplayName,
            CrimeReferencePrefix = profile.CrimeReferencePrefix,
            LocalOutcomeCode = profile.LocalOutcomeCode,
            CrimeRecordingSystem = profile.CrimeRecordingSystem,
            YouthTeamName = profile.YouthTeamName,
            Website = profile.AdviceWebsite.AbsoluteUri,
            AuthorisingManagerEmail = $"{mailbox}-authorising-manager@police.example",
            EscalationEmail = $"{mailbox}-escalation@police.example",
            SafeguardingExpertEmail = $"{mailbox}-safeguarding@police.example",
            YouthTeamEmail = $"{mailbox}-youth-team@police.example",
            InvestigationEmail = $"{mailbox}-investigation@police.example",
        };
    }
}
