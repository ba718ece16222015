namespace Sexting.LocalHost.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Sexting.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Sexting.Functions.sln) not found.");
    }
}
