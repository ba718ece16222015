namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// The outbox directory, read incrementally: each file is parsed once. The sender publishes a
/// message whole (temporary file, then link(2) to its <c>.json</c> name), so a file seen is complete.
/// </summary>
public sealed class OutboxReader(string directory)
{
    private readonly Dictionary<string, SentMail> _mails = new(StringComparer.Ordinal);

    /// <summary>Every message in the outbox now.</summary>
    public IReadOnlyCollection<SentMail> Read()
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            if (!_mails.ContainsKey(file))
            {
                _mails.Add(file, SentMail.Parse(File.ReadAllText(file)));
            }
        }

        return _mails.Values;
    }

    /// <summary>How many messages of each kind the outbox holds now.</summary>
    public IReadOnlyDictionary<string, int> CountByKind() =>
        Read().GroupBy(m => m.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
