using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Sexting.Core.DataProtection;

namespace Sexting.Infrastructure.DataProtection;

/// <summary>
/// The key-encryption key in Azure: a Key Vault RSA key (<see cref="DataProtectionOptions.KeyUri"/>)
/// that wraps and unwraps data keys with RSA-OAEP-256, signed in with the app's managed identity
/// (role Key Vault Crypto User, infra/modules/keyvault.bicep). The key never leaves the vault.
/// Calls the vault's REST operations <c>wrapkey</c>, <c>unwrapkey</c> and <c>get key</c> (API 7.4)
/// through an Azure.Core pipeline, which is what <c>CryptographyClient</c> of
/// Azure.Security.KeyVault.Keys does; that package is not in this workplace's package source. The
/// pipeline is built on first use, so the app starts without reaching the vault.
/// </summary>
internal sealed class KeyVaultKeyEncryptionKey(IOptions<DataProtectionOptions> options) : IKeyEncryptionKey
{
    private const string ApiVersion = "7.4";
    private const string Algorithm = "RSA-OAEP-256";
    private static readonly TimeSpan CurrentVersionLifetime = TimeSpan.FromHours(1);
    private readonly Lazy<HttpPipeline> _pipeline = new(() => HttpPipelineBuilder.Build(
        new VaultClientOptions(),
        new BearerTokenAuthenticationPolicy(new DefaultAzureCredential(), "https://vault.azure.net/.default")));

    private (string Kid, DateTimeOffset Until)? _current;

    private string KeyUri => (options.Value.KeyUri ?? throw new InvalidOperationException("DataProtection:KeyUri is not set.")).TrimEnd('/');

    public async Task<WrappedDataKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        // The versionless URI wraps with the newest version; the answer names that version.
        var answer = await SendAsync(KeyUri + "/wrapkey", new { alg = Algorithm, value = Base64Url.Encode(dataKey.Span) }, cancellationToken).ConfigureAwait(false);
        return new WrappedDataKey(answer.GetProperty("kid").GetString()!, Base64Url.Decode(answer.GetProperty("value").GetString()!));
    }

    public async Task<byte[]> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (!wrapped.KeyId.StartsWith(KeyUri + "/", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The data key was wrapped by a key other than DataProtection:KeyUri.");
        }

        var answer = await SendAsync(wrapped.KeyId + "/unwrapkey", new { alg = Algorithm, value = Base64Url.Encode(wrapped.Value) }, cancellationToken).ConfigureAwait(false);
        return Base64Url.Decode(answer.GetProperty("value").GetString()!);
    }

    public async Task<bool> IsStaleAsync(WrappedDataKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        return !string.Equals(wrapped.KeyId, await CurrentKeyIdAsync(cancellationToken).ConfigureAwait(false), StringComparison.OrdinalIgnoreCase);
    }

    public async Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is null || current.Value.Until < DateTimeOffset.UtcNow)
        {
            var answer = await SendAsync(KeyUri, null, cancellationToken).ConfigureAwait(false);
            current = (answer.GetProperty("key").GetProperty("kid").GetString()!, DateTimeOffset.UtcNow + CurrentVersionLifetime);
            _current = current;
        }

        return current.Value.Kid;
    }

    private async Task<JsonElement> SendAsync(string uri, object? body, CancellationToken cancellationToken)
    {
        var pipeline = _pipeline.Value;
        using var message = pipeline.CreateMessage();
        message.Request.Method = body is null ? RequestMethod.Get : RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(uri + "?api-version=" + ApiVersion));
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromObjectAsJson(body));
        }

        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.IsError)
        {
            throw new RequestFailedException(message.Response);
        }

        using var document = await JsonDocument.ParseAsync(message.Response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    private sealed class VaultClientOptions : ClientOptions
    {
    }

    private static class Base64Url
    {
        public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

        public static byte[] Decode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
    }
}
