namespace Sexting.Functions.Tests;

/// <summary>Type tests usable inside NSubstitute's expression-tree argument matchers.</summary>
public static class ArgMatch
{
    public static bool Is<T>(object? value, Func<T, bool> predicate) => value is T typed && predicate(typed);
}
