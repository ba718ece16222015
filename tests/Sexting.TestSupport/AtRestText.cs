using System.IO.Compression;
using System.Text;

namespace Sexting.TestSupport;

/// <summary>
/// Turns a stored value into every text a reader of the storage could get from it without a key:
/// the value itself, and recursively its base64 and gzip decodings (contract §12 scans).
/// </summary>
public static class AtRestText
{
    /// <summary>The value as text and all that its decodings reveal, joined by new lines.</summary>
    public static string Of(object? value)
    {
        var found = new StringBuilder();
        Expand(value, found, depth: 0);
        return found.ToString();
    }

    private static void Expand(object? value, StringBuilder found, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case byte[] bytes:
                ExpandBytes(bytes, found, depth);
                return;
            default:
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                found.Append(text).Append('\n');
                if (depth < 4)
                {
                    // Base64 of a whole value, or of quoted JSON strings within it (durable payloads nest).
                    foreach (var candidate in Candidates(text))
                    {
                        if (TryBase64(candidate) is { } decoded)
                        {
                            ExpandBytes(decoded, found, depth + 1);
                        }
                    }
                }

                return;
        }
    }

    private static void ExpandBytes(byte[] bytes, StringBuilder found, int depth)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b && TryGunzip(bytes) is { } plain)
        {
            ExpandBytes(plain, found, depth + 1);
            return;
        }

        Expand(Encoding.UTF8.GetString(bytes), found, depth + 1);
    }

    private static IEnumerable<string> Candidates(string text)
    {
        yield return text.Trim();
        foreach (var part in text.Split(['"', '\'', ' ', '\n', '\r', ',', ':', '[', ']', '{', '}', '=', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 8 && part != text.Trim())
            {
                yield return part;
            }
        }
    }

    private static byte[]? TryBase64(string text)
    {
        if (text.Length < 8)
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[]? TryGunzip(byte[] bytes)
    {
        try
        {
            using var input = new MemoryStream(bytes);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
