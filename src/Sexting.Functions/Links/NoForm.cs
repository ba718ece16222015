namespace Sexting.Functions.Links;

/// <summary>The form of a link whose POST has no fields (the reporter's confirmation, contract §11).</summary>
public sealed class NoForm
{
    private NoForm()
    {
    }

    /// <summary>The one empty form.</summary>
    public static NoForm Instance { get; } = new();
}
