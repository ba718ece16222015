namespace Sexting.TestSupport;

/// <summary>Finds the repository root: the nearest directory above the test binaries that holds Sexting.Functions.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Sexting.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sexting.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
