using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sexting.Core.DataProtection;

namespace Sexting.Infrastructure.DataProtection;

/// <summary>
/// The development key-encryption key: 256-bit AES keys in a file (<see cref="DataProtectionOptions.LocalKeyPath"/>),
/// created on first use, readable by its owner only. Wraps with AES-GCM under the newest key;
/// <see cref="Rotate"/> adds a newer one and keeps the older to unwrap what they wrapped. Not for
/// production: whoever reads the file reads every case (docs/storage.md).
/// </summary>
internal sealed class LocalKeyEncryptionKey(IOptions<DataProtectionOptions> options) : IKeyEncryptionKey
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Lock _gate = new();
    private KeyFile? _file;

    public Task<WrappedDataKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        var file = Load();
        var id = file.Current;
        var value = new byte[NonceBytes + TagBytes + dataKey.Length];
        var nonce = value.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(file.Keys[id]), TagBytes);
        aes.Encrypt(nonce, dataKey.Span, value.AsSpan(NonceBytes + TagBytes), value.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(id));
        return Task.FromResult(new WrappedDataKey(id, value));
    }

    public Task<byte[]> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        var file = Load();
        if (!file.Keys.ContainsKey(wrapped.KeyId))
        {
            // Another host may have rotated the file since this one read it.
            file = Reload();
        }

        if (!file.Keys.TryGetValue(wrapped.KeyId, out var key) || wrapped.Value.Length <= NonceBytes + TagBytes)
        {
            throw new CryptographicException("The data key was wrapped by a key-encryption key this host does not hold.");
        }

        var value = wrapped.Value;
        var dataKey = new byte[value.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Convert.FromBase64String(key), TagBytes);
        aes.Decrypt(value.AsSpan(0, NonceBytes), value.AsSpan(NonceBytes + TagBytes), value.AsSpan(NonceBytes, TagBytes), dataKey, Encoding.UTF8.GetBytes(wrapped.KeyId));
        return Task.FromResult(dataKey);
    }

    public Task<bool> IsStaleAsync(WrappedDataKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        return Task.FromResult(wrapped.KeyId != Load().Current);
    }

    // Read again: another host may have rotated the file.
    public Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken) => Task.FromResult(Reload().Current);

    /// <summary>Adds a newer key version; later wraps use it, earlier wraps still unwrap.</summary>
    public void Rotate()
    {
        lock (_gate)
        {
            var file = Reload();
            var id = "local-" + (file.Keys.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var next = new KeyFile(id, new Dictionary<string, string>(file.Keys, StringComparer.Ordinal) { [id] = NewKey() });
            Write(next, overwrite: true);
            _file = next;
        }
    }

    private KeyFile Reload()
    {
        lock (_gate)
        {
            _file = null;
            return Load();
        }
    }

    private KeyFile Load()
    {
        lock (_gate)
        {
            if (_file is not null)
            {
                return _file;
            }

            var path = options.Value.LocalKeyPath;
            if (!File.Exists(path))
            {
                // Two hosts starting at once: the first file written wins, the other reads it.
                try
                {
                    Write(new KeyFile("local-1", new Dictionary<string, string>(StringComparer.Ordinal) { ["local-1"] = NewKey() }), overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                }
            }

            _file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                ?? throw new InvalidDataException("The development key file is empty.");
            return _file;
        }
    }

    private void Write(KeyFile file, bool overwrite)
    {
        var path = Path.GetFullPath(options.Value.LocalKeyPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(file));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, path, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed record KeyFile(string Current, Dictionary<string, string> Keys);
}
