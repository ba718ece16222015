namespace Sexting.Deployment.Tests;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Infra(params string[] parts) => Path.Combine([Root, "infra", .. parts]);

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sexting.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sexting.Functions.sln not found above the test assembly.");
    }
}
