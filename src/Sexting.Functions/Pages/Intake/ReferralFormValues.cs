using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Pages.Intake;

/// <summary>
/// What the referral form shows or received: field name → text, how many young-person sections
/// to render, and the submission id (an idempotency key, new for each blank form). Built from a
/// post, young people are renumbered 0, 1, 2… in posted order and empty extra sections dropped,
/// so the error keys of <see cref="ReferralParser"/> line up with the sections shown again.
/// </summary>
public sealed record ReferralFormValues(IReadOnlyDictionary<string, string> Fields, int YoungPeopleCount, string SubmissionId)
{
    /// <summary>A blank form with a new submission id.</summary>
    public static ReferralFormValues Blank(Guid submissionId, int youngPeopleCount = 1) =>
        new(new Dictionary<string, string>(), Math.Clamp(youngPeopleCount, 1, ReferralLimits.MaxYoungPeople), submissionId.ToString("D"));

    /// <summary>The text of a field, empty when absent.</summary>
    public string this[string name] => Fields.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>Whether a checkbox of the form was ticked.</summary>
    public bool IsTicked(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same values, with at least <paramref name="count"/> young-person sections (at most 20).</summary>
    public ReferralFormValues WithYoungPeople(int count) =>
        this with { YoungPeopleCount = Math.Clamp(Math.Max(count, YoungPeopleCount), 1, ReferralLimits.MaxYoungPeople) };

    /// <summary>
    /// The fields of a post that were sent more than once (contract §2: every field of the referral
    /// form holds one value, so a repeated one makes the form bad rather than last-wins), with the
    /// error for each, keyed as the parser keys its errors.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> RepeatedFields(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Where(f => f.Value.Count > 1)
            .ToDictionary(f => f.Key, _ => new[] { "This answer was sent more than once. Check it and send the form again." }, StringComparer.Ordinal);
    }

    /// <summary>Values from a posted form.</summary>
    public static ReferralFormValues FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return FromForm(form.Select(f => KeyValuePair.Create(f.Key, f.Value.LastOrDefault() ?? string.Empty)));
    }

    /// <summary>Values from posted fields (the last value of a repeated name wins).</summary>
    public static ReferralFormValues FromForm(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var plain = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = new SortedDictionary<int, Dictionary<string, string>>();
        var adults = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in fields)
        {
            if (Indexed(ReferralFormFields.YoungPersonProperty(), key, people, value) || Indexed(ReferralFormFields.AdultProperty(), key, adults, value))
            {
                continue;
            }

            plain[key] = value;
        }

        var peopleCount = Renumber(people, plain, ReferralFormFields.YoungPerson, keepOne: true);
        Renumber(adults, plain, ReferralFormFields.Adult, keepOne: false);
        var submissionId = plain.GetValueOrDefault(ReferralFormFields.SubmissionId);
        plain.Remove(ReferralFormFields.SubmissionId);
        return new ReferralFormValues(plain, Math.Clamp(peopleCount, 1, ReferralLimits.MaxYoungPeople), submissionId ?? string.Empty);
    }

    private static bool Indexed(Regex pattern, string key, SortedDictionary<int, Dictionary<string, string>> sections, string value)
    {
        var match = pattern.Match(key);
        if (!match.Success)
        {
            return false;
        }

        // Indices beyond two digits are not the form's: ignore them rather than allocate for them.
        if (match.Groups[1].Value.Length > 2)
        {
            return true;
        }

        var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!sections.TryGetValue(index, out var section))
        {
            sections[index] = section = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        section[match.Groups[2].Value] = value;
        return true;
    }

    // Sections keep their posted order, numbered from 0; a section with nothing in it is dropped
    // (an "Add another" pressed by mistake). With none left, the form still shows one young
    // person's section (keepOne), and the parser says which of its fields are required.
    private static int Renumber(SortedDictionary<int, Dictionary<string, string>> sections, Dictionary<string, string> into, Func<int, string, string> name, bool keepOne)
    {
        var next = 0;
        foreach (var section in sections.Values)
        {
            if (section.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            foreach (var (property, value) in section)
            {
                into[name(next, property)] = value;
            }

            next++;
        }

        return keepOne ? Math.Max(next, 1) : next;
    }
}
