namespace RuralMarket.Testing;

/// <summary>The checkout the tests run from: the folder holding RuralMarket.sln, above the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RuralMarket.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("RuralMarket.sln not found above the test's folder.");
    }
}
