using System.Globalization;
using System.Text;

namespace Sexting.Bench.Proxy;

/// <summary>
/// Finds the HTTP/1.1 requests in the bytes a client sends on one connection (keep-alive: many
/// requests one after the other), without changing them: request heads are read, bodies skipped by
/// their <c>Content-Length</c>. The Azure Storage SDKs always send a length; a chunked body stops
/// the scan of that connection and is reported, so a count is never silently wrong.
/// </summary>
internal sealed class HttpRequestScanner
{
    private const int MaxHead = 64 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly byte[] _head = new byte[MaxHead];
    private int _headLength;
    private long _bodyRemaining;

    /// <summary>Whether the scan gave up on this connection (chunked body or an oversized head).</summary>
    public bool Failed { get; private set; }

    /// <summary>Feeds the next bytes; calls <paramref name="onRequest"/> with the method and target of each request head completed.</summary>
    public void Feed(ReadOnlySpan<byte> data, Action<string, string> onRequest)
    {
        while (!data.IsEmpty && !Failed)
        {
            if (_bodyRemaining > 0)
            {
                var skip = (int)Math.Min(_bodyRemaining, data.Length);
                _bodyRemaining -= skip;
                data = data[skip..];
                continue;
            }

            // Head mode: collect bytes until the blank line (heads are small; bodies are skipped in bulk).
            var b = data[0];
            data = data[1..];
            if (_headLength == 0 && b is (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (_headLength == MaxHead)
            {
                Failed = true;
                return;
            }

            _head[_headLength++] = b;
            if (_headLength >= 4 && _head.AsSpan(_headLength - 4, 4).SequenceEqual(EndOfHead))
            {
                ParseHead(onRequest);
                _headLength = 0;
            }
        }
    }

    private void ParseHead(Action<string, string> onRequest)
    {
        var text = Encoding.ASCII.GetString(_head, 0, _headLength);
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length < 3)
        {
            Failed = true;
            return;
        }

        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                _bodyRemaining = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                Failed = true;
            }
        }

        onRequest(parts[0], parts[1]);
    }
}
