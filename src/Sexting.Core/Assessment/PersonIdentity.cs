using System.Globalization;
using System.Text;
using Sexting.Core.Referrals;

namespace Sexting.Core.Assessment;

/// <summary>
/// How a young person is recognised in earlier referrals for repeat offending (§3.4.6,
/// §3.5.2): the same name, ignoring case and white space, and the same date of birth.
/// </summary>
public static class PersonIdentity
{
    /// <summary>The identity key of a person: normalised name, a separator, and ISO date of birth.</summary>
    public static string KeyOf(string name, DateOnly dateOfBirth)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Append('|').Append(dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>The identity key of a young person in a referral.</summary>
    public static string KeyOf(YoungPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return KeyOf(person.Name, person.DateOfBirth);
    }
}
