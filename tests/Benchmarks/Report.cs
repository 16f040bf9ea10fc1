using System.Text;

namespace Newcomers.Benchmarks;

/// <summary>
/// The figures of one run as a Markdown table: printed, and written into docs/performance.md
/// between the section's markers, so the documented figures are the benchmark's own.
/// </summary>
public sealed class Report(string section, string machine)
{
    private readonly List<(string Figure, string Goal, string Measured)> rows = [];

    public void Add(string figure, string goal, string measured)
    {
        rows.Add((figure, goal, measured));
        System.Console.WriteLine($"{figure}: {measured}{(goal.Length > 0 ? $" (goal {goal})" : "")}");
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {machine}, by `{Command}`.").AppendLine();
        text.AppendLine("| figure | goal | measured |").AppendLine("|---|---|---|");
        foreach (var (figure, goal, measured) in rows) text.AppendLine($"| {figure} | {goal} | {measured} |");
        return text.ToString();
    }

    private string Command => section switch
    {
        "distributed" => "dotnet run -c Release --project tests/Benchmarks -- --distributed",
        "console" => "dotnet run -c Release --project tests/Benchmarks -- --console",
        "cohort" => "dotnet run -c Release --project tests/Benchmarks -- --cohort",
        "national" => "dotnet run -c Release --project tests/Benchmarks -- --national",
        "guidance" => "dotnet run -c Release --project tests/Benchmarks -- --guidance",
        _ => "dotnet run -c Release --project tests/Benchmarks",
    };

    /// <summary>Replaces what stands between &lt;!-- benchmark:{section} --&gt; and &lt;!-- /benchmark:{section} --&gt; in the file.</summary>
    public void WriteInto(string path)
    {
        var (start, end) = ($"<!-- benchmark:{section} -->", $"<!-- /benchmark:{section} -->");
        var text = File.ReadAllText(path);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new InvalidOperationException($"{path} has no {start} … {end} section");
        File.WriteAllText(path, text[..(from + start.Length)] + "\n" + Markdown() + text[to..]);
        System.Console.WriteLine($"\nwritten into {path}:\n\n{Markdown()}");
    }

    public static string Ms(double value) => $"{value:0.00} ms";

    public static string Thousands(double value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}
