using Sexting.Functions.Common;

namespace Sexting.Functions.Education;

/// <summary>The education-delivered form of contract §5: <c>officerName</c> (required) and <c>notes</c>.</summary>
public sealed record EducationForm(string OfficerName, string? Notes)
{
    public static (EducationForm? Form, Dictionary<string, string[]> Errors) Parse(IReadOnlyDictionary<string, string> fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = FormFields.Get(fields, "officerName");
        if (name is null)
        {
            errors["officerName"] = ["Enter your name."];
        }
        else if (name.Length > 200 || !FormFields.IsSingleLine(name))
        {
            errors["officerName"] = ["Enter your name on one line, at most 200 characters."];
        }

        var notes = FormFields.Get(fields, "notes");
        if (notes is not null && (notes.Length > FormFields.MaxFieldLength || !FormFields.IsText(notes)))
        {
            errors["notes"] = [$"Notes must be text of at most {FormFields.MaxFieldLength} characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new EducationForm(name!, notes), errors);
    }
}
