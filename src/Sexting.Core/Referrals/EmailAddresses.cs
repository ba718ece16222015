namespace Sexting.Core.Referrals;

/// <summary>
/// The email syntax the product accepts (contract §2): a plain address, no display name, of a
/// dot-atom local part (RFC 5322 §3.2.3: atoms of letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c>
/// joined by single dots), one <c>@</c>, and a DNS host name (labels of ASCII letters, digits and
/// hyphens, none starting or ending with a hyphen, at least one dot, a top-level label that is not
/// all digits). No quoted local parts, no comments, no address literals such as <c>x@[127.0.0.1]</c>:
/// nothing a mail system could read as something else.
/// </summary>
public static class EmailAddresses
{
    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";

    /// <summary>Longest local part (RFC 5321 §4.5.3.1.1).</summary>
    public const int MaxLocalPart = 64;

    /// <summary>Longest host name (RFC 1035, as written without the trailing dot).</summary>
    public const int MaxHost = 253;

    /// <summary>Whether <paramref name="text"/> is an address of that syntax.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > ReferralLimits.MaxEmail)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@'))
        {
            return false;
        }

        return IsDotAtom(text.AsSpan(0, at)) && IsHostName(text.AsSpan(at + 1));
    }

    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local.Length is 0 or > MaxLocalPart || local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            if (c == '.')
            {
                if (local[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !AtomSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        if (host.Length is 0 or > MaxHost)
        {
            return false;
        }

        var labels = 0;
        var allDigits = false;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            allDigits = true;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }

                allDigits &= char.IsAsciiDigit(c);
            }

            labels++;
        }

        // At least one dot; and the last label all digits would be an IP address written without brackets.
        return labels >= 2 && !allDigits;
    }
}
