using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Builds partition and row keys. Keys may not hold '/', '\', '#', '?' or control characters,
/// and must sort as the queries need: times are UTC ticks, zero-padded to 19 digits.
/// </summary>
internal static class TableKeys
{
    private const int MaxEscapedLength = 400;

    /// <summary>UTC ticks of <paramref name="at"/>, zero-padded so that text order is time order.</summary>
    public static string Ticks(DateTimeOffset at) => Ticks(at.UtcTicks);

    /// <summary>Ticks zero-padded so that text order is numeric order.</summary>
    public static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex SHA-256 of a text: a key of fixed shape for any input.</summary>
    public static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// <paramref name="value"/> made safe for a key: forbidden characters and '%' percent-escaped,
    /// so distinct values stay distinct; a very long value is replaced by its hash.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length <= MaxEscapedLength ? builder.ToString() : "%sha256-" + Sha256(value);
    }
}
