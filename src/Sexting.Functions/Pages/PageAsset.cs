namespace Sexting.Functions.Pages;

/// <summary>A static file of the pages: its plain and content-hashed names, type, bytes and ETag.</summary>
public sealed record PageAsset(string Name, string HashedName, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
