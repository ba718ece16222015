using Microsoft.Extensions.Options;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Configuration;

/// <summary>
/// Checks every force at start-up (contract §1): a force missing a key, or with a key that cannot
/// work, stops the app with a message naming the key, rather than failing on the first referral.
/// </summary>
public sealed class ForcesOptionsValidator : IValidateOptions<ForcesOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ForcesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (force, settings) in options.Forces)
        {
            var at = $"{ForcesOptions.Section}:{force}";
            if (!ForceArea.IsValidName(force))
            {
                failures.Add($"{at}: a force's name must be an ASCII letter followed by letters and digits, at most {ForceArea.MaxNameLength} characters (it is the forceArea value and part of the role Force.<force>).");
                continue;
            }

            Required(failures, at, nameof(ForceSettings.DisplayName), settings.DisplayName);
            Required(failures, at, nameof(ForceSettings.LocalOutcomeCode), settings.LocalOutcomeCode);
            Required(failures, at, nameof(ForceSettings.YouthTeamName), settings.YouthTeamName);
            if (Required(failures, at, nameof(ForceSettings.CrimeReferencePrefix), settings.CrimeReferencePrefix))
            {
                var prefix = settings.CrimeReferencePrefix.Trim();
                if (!ForceProfiles.IsValidPrefix(prefix))
                {
                    failures.Add($"{at}:{nameof(ForceSettings.CrimeReferencePrefix)} must be 2 to 4 capital letters, such as DC.");
                }
                else if (!prefixes.TryAdd(prefix, force))
                {
                    failures.Add($"{at}:{nameof(ForceSettings.CrimeReferencePrefix)} {prefix} is already the prefix of {prefixes[prefix]}: each force needs its own.");
                }
            }

            if (Required(failures, at, nameof(ForceSettings.Website), settings.Website)
                && !(Uri.TryCreate(settings.Website.Trim(), UriKind.Absolute, out var website) && website.Scheme == Uri.UriSchemeHttps))
            {
                failures.Add($"{at}:{nameof(ForceSettings.Website)} must be an absolute https address.");
            }

            foreach (var (key, value) in settings.Mailboxes())
            {
                if (Required(failures, at, key, value) && !EmailAddresses.IsValid(value.Trim()))
                {
                    failures.Add($"{at}:{key} must be a plain email address.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Required(List<string> failures, string at, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        failures.Add($"{at}:{key} is required for every configured force.");
        return false;
    }
}
