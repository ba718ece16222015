namespace Sexting.Infrastructure.Email.Composition;

/// <summary>A young person as an email shows them. <see cref="Name"/> and the contacts are null where the reader must not see them.</summary>
internal sealed record PersonView(
    string Reference,
    string? Name,
    int Age,
    string Role,
    string? Email,
    string? ParentName,
    string? ParentEmail,
    bool ParentSafeToContact = true);
