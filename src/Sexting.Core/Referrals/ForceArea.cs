using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Sexting.Core.Referrals;

/// <summary>
/// A police force by its configuration name (contract §1 <c>Forces:&lt;force&gt;</c>, §2
/// <c>forceArea</c>): the two forces of the Strategic Alliance that SA028 covers are built in, and
/// any other is onboarded by configuration alone (<see cref="Forces.ForceProfiles"/>). Holding one
/// says only that the name has the right shape; whether the force is configured is for
/// <see cref="Forces.ForceProfiles"/> to say. Written in JSON as its name, as the enum it replaced was.
/// </summary>
[JsonConverter(typeof(ForceAreaJsonConverter))]
public readonly record struct ForceArea
{
    /// <summary>Longest force name.</summary>
    public const int MaxNameLength = 40;

    private readonly string? _name;

    private ForceArea(string name) => _name = name;

    /// <summary>Devon and Cornwall Police.</summary>
    public static ForceArea DevonAndCornwall { get; } = new(nameof(DevonAndCornwall));

    /// <summary>Dorset Police.</summary>
    public static ForceArea Dorset { get; } = new(nameof(Dorset));

    /// <summary>
    /// The name, exactly as configured and as <c>forceArea</c> spells it: an ASCII letter, then
    /// letters and digits (it becomes part of table keys and of the role <c>Force.&lt;force&gt;</c>, contract §9).
    /// </summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether <paramref name="name"/> has the shape of a force name.</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>The force of that name.</summary>
    /// <exception cref="ArgumentException">The name does not have the shape of a force name.</exception>
    public static ForceArea Of(string name) =>
        IsValidName(name) ? new ForceArea(name) : throw new ArgumentException($"'{name}' is not a force name: an ASCII letter, then letters and digits.", nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}
