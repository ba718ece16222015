using System.Net.Mail;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>Forces:*</c>, with example defaults so the app starts with nothing set.</summary>
public sealed class ForcesOptions
{
    public const string Section = "Forces";

    public ForceContacts DevonAndCornwall { get; set; } = Defaults("dc");

    public ForceContacts Dorset { get; set; } = Defaults("dorset");

    public ForceContacts For(ForceArea force) => force switch
    {
        ForceArea.DevonAndCornwall => DevonAndCornwall,
        ForceArea.Dorset => Dorset,
        _ => throw new ArgumentOutOfRangeException(nameof(force), force, "Unknown force area."),
    };

    public bool IsValid() =>
        DevonAndCornwall.All().Concat(Dorset.All()).All(a => MailAddress.TryCreate(a, out var m) && m.Address == a);

    private static ForceContacts Defaults(string force) => new()
    {
        AuthorisingManagerEmail = $"{force}-authorising-manager@police.example",
        EscalationEmail = $"{force}-escalation@police.example",
        SafeguardingExpertEmail = $"{force}-safeguarding@police.example",
        YouthTeamEmail = $"{force}-youth-team@police.example",
        InvestigationEmail = $"{force}-investigation@police.example",
    };
}
