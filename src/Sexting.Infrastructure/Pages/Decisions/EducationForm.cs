using Microsoft.AspNetCore.Http;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>The form of POST /api/education/{token} (contract §5): <c>officerName</c> (required), <c>notes</c>.</summary>
public sealed record EducationForm(string OfficerName, string Notes)
{
    public const string OfficerNameField = "officerName";
    public const string NotesField = "notes";

    /// <summary>An empty form.</summary>
    public static EducationForm Empty { get; } = new("", "");

    /// <summary>The form as posted.</summary>
    public static EducationForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return From(name => form[name].LastOrDefault());
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
        var name = OfficerName.Trim();
        if (name.Length == 0)
        {
            errors[OfficerNameField] = "Enter your full name";
        }
        else if (name.Length > ReferralLimits.MaxName || name.Any(char.IsControl))
        {
            errors[OfficerNameField] = $"Your name must be a single line of at most {ReferralLimits.MaxName} characters";
        }

        if (Notes.Trim().Length > ReferralLimits.MaxNotes)
        {
            errors[NotesField] = $"Notes must be {ReferralLimits.MaxNotes} characters or fewer";
        }

        return errors;
    }
}
