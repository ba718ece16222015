using Microsoft.AspNetCore.Http;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>
/// The form of POST /api/education/{token} (contract §5): <c>notes</c>, and per young person
/// <c>delivered.YP1=on</c>: which young people received the education and the forces' leaflet
/// (§3.4.7). Who confirms is the signed-in person (§9): an <c>officerName</c> field, if sent, is
/// ignored. Each field is single-valued: one sent twice makes the form bad (contract §2, §5). Text
/// follows <see cref="TextRules"/>.
/// </summary>
public sealed record EducationForm(string Notes, IReadOnlyList<string> Delivered)
{
    public const string NotesField = "notes";

    /// <summary>The prefix of the per-young-person fields: <c>delivered.YP1</c>.</summary>
    public const string DeliveredPrefix = "delivered.";

    /// <summary>The form's own fields that were posted more than once.</summary>
    public IReadOnlyList<string> Repeated { get; init; } = [];

    /// <summary>An empty form.</summary>
    public static EducationForm Empty { get; } = new("", []);

    /// <summary>The field for one young person's reference.</summary>
    public static string DeliveredField(string reference) => DeliveredPrefix + reference;

    /// <summary>The form as posted.</summary>
    public static EducationForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var delivered = form.Keys.Where(k => k.StartsWith(DeliveredPrefix, StringComparison.Ordinal)).ToList();
        return new EducationForm(
            form[NotesField].LastOrDefault() ?? "",
            [.. delivered.Where(k => IsTicked(form[k].LastOrDefault())).Select(k => k[DeliveredPrefix.Length..]).Order(StringComparer.Ordinal)])
        {
            Repeated = [.. delivered.Prepend(NotesField).Where(name => form[name].Count > 1)],
        };
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
        else if (!TextRules.IsAllowed(TextRules.TrimOrdinary(Notes), multiline: true))
        {
            errors[NotesField] = "Notes must not contain control, format or separator characters (such as zero-width or right-to-left marks)";
        }

        foreach (var unknown in Delivered.Where(r => !references.Contains(r)))
        {
            errors[DeliveredField(unknown)] = "Select only young people of this case";
        }

        foreach (var field in Repeated)
        {
            errors[field] = "This field was sent more than once. Fill in the form once and send it again";
        }

        return errors;
    }

    private static bool IsTicked(string? value) =>
        value is not null && (value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1");
}
