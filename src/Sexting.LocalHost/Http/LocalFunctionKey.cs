using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Sexting.Functions.Staff;

namespace Sexting.LocalHost.Http;

/// <summary>
/// The local host's function key (contract §1 <c>LocalHost:FunctionKey</c>): the configured one, or
/// one generated at start. Either way it becomes the app's <c>Api:FunctionKey</c>, so the app checks
/// it exactly where it checks the key in Azure.
/// </summary>
internal static class LocalFunctionKey
{
    /// <summary>Reads or generates the key and sets <c>Api:FunctionKey</c> to it, above every other source.</summary>
    public static (string Key, bool Generated) Apply(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.FunctionKey)}"];
        var generated = string.IsNullOrEmpty(key);
        if (generated)
        {
            key = Base64Url(RandomNumberGenerator.GetBytes(32));
        }

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{FunctionKeyOptions.Section}:{nameof(FunctionKeyOptions.FunctionKey)}"] = key,
        });
        return (key!, generated);
    }

    /// <summary>The line printed at start when the key was generated.</summary>
    public static string Announcement(string key) =>
        $"Function key (generated; set LocalHost:FunctionKey to choose one): {key}" + Environment.NewLine +
        $"  read a case with the header {FunctionKeyCheck.HeaderName}: <key>, or sign in as staff.";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
