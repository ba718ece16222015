using Microsoft.AspNetCore.Http;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>
/// The form of POST /api/education/{token} (contract §5): <c>notes</c>, and per young person
/// <c>delivered.YP1=on</c>: which young people received the education and the forces' leaflet
/// (§3.4.7). Who confirms is the signed-in person (§9): an <c>officerName</c> field, if sent, is ignored.
/// </summary>
public sealed record EducationForm(string Notes, IReadOnlyList<string> Delivered)
{
    public const string NotesField = "notes";

    /// <summary>The prefix of the per-young-person fields: <c>delivered.YP1</c>.</summary>
    public const string DeliveredPrefix = "delivered.";

    /// <summary>An empty form.</summary>
    public static EducationForm Empty { get; } = new("", []);

    /// <summary>The field for one young person's reference.</summary>
    public static string DeliveredField(string reference) => DeliveredPrefix + reference;

    /// <summary>The form as posted.</summary>
    public static EducationForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var delivered = form.Keys
            .Where(k => k.StartsWith(DeliveredPrefix, StringComparison.Ordinal) && IsTicked(form[k].LastOrDefault()))
            .Select(k => k[DeliveredPrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return new(form[NotesField].LastOrDefault() ?? "", delivered);
    }

    /// <summary>The errors of the form, keyed by field name, against the case's young people; none when it can be accepted.</summary>
    public IReadOnlyDictionary<string, string> Validate(IReadOnlyCollection<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Notes.Trim().Length > ReferralLimits.MaxNotes)
        {
            errors[NotesField] = $"Notes must be {ReferralLimits.MaxNotes} characters or fewer";
        }

        foreach (var unknown in Delivered.Where(r => !references.Contains(r)))
        {
            errors[DeliveredField(unknown)] = "Select only young people of this case";
        }

        return errors;
    }

    private static bool IsTicked(string? value) =>
        value is not null && (value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1");
}
