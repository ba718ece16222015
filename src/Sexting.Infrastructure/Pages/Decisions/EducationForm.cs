using Microsoft.AspNetCore.Http;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>The form of POST /api/education/{token} (contract §5): <c>officerName</c> (required), <c>notes</c>.</summary>
/// <remarks>Each field is single-valued: one sent twice makes the form bad (contract §2, §5). Text follows <see cref="TextRules"/>.</remarks>
public sealed record EducationForm(string OfficerName, string Notes)
{
    /// <summary>The form's own fields that were posted more than once.</summary>
    public IReadOnlyList<string> Repeated { get; init; } = [];

    public const string OfficerNameField = "officerName";
    public const string NotesField = "notes";

    /// <summary>An empty form.</summary>
    public static EducationForm Empty { get; } = new("", "");

    /// <summary>The form as posted.</summary>
    public static EducationForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return From(name => form[name].LastOrDefault()) with
        {
            Repeated = [.. new[] { OfficerNameField, NotesField }.Where(name => form[name].Count > 1)],
        };
    }

    /// <summary>The form from a lookup of posted fields.</summary>
    public static EducationForm From(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(field(OfficerNameField) ?? "", field(NotesField) ?? "");
    }

    /// <summary>The errors of the form, keyed by field name; none when it can be accepted.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = TextRules.TrimOrdinary(OfficerName);
        if (name.Length == 0)
        {
            errors[OfficerNameField] = "Enter your full name";
        }
        else if (name.Length > ReferralLimits.MaxName || !TextRules.IsAllowed(name, multiline: false))
        {
            errors[OfficerNameField] = $"Your name must be a single line of at most {ReferralLimits.MaxName} characters, without control, format or separator characters";
        }

        if (Notes.Trim().Length > ReferralLimits.MaxNotes)
        {
            errors[NotesField] = $"Notes must be {ReferralLimits.MaxNotes} characters or fewer";
        }
        else if (!TextRules.IsAllowed(TextRules.TrimOrdinary(Notes), multiline: true))
        {
            errors[NotesField] = "Notes must not contain control, format or separator characters (such as zero-width or right-to-left marks)";
        }

        foreach (var field in Repeated)
        {
            errors[field] = "This field was sent more than once. Fill in the form once and send it again";
        }

        return errors;
    }
}
