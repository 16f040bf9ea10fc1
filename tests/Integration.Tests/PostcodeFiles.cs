using Newcomers.Host;

namespace Newcomers.Integration.Tests;

/// <summary>Postcode files written for a test, and the load-postcodes command run on them in this process, through its entry method.</summary>
public static class PostcodeFiles
{
    public const string Header = "postcode;gemeentecode;gemeentenaam;latitude;longitude";

    /// <summary>A file of the header and these rows (the header is row 1, the first of these row 2).</summary>
    public static string With(params string[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("postcodes-").FullName, "postcodes.csv");
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }

    /// <summary>What `load-postcodes file settings…` answers: its exit code, what it printed and what it reported.</summary>
    public static async Task<(int Exit, string Output, string Errors)> LoadAsync(string file, params string[] settings)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await PostcodeCommand.RunAsync([file, .. settings], output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
