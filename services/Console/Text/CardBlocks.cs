namespace Newcomers.Console.Text;

/// <summary>
/// The small Markdown of a model card section, read into blocks to show as HTML: paragraphs,
/// "- " lists and one "|" table; inline only **bold** and `code`. Text stays text: nothing is
/// passed on as markup.
/// </summary>
public static class CardBlocks
{
    public abstract record Block;
    public sealed record Paragraph(string Text) : Block;
    public sealed record Bullets(List<string> Items) : Block;
    public sealed record Table(string[] Header, List<string[]> Rows) : Block;

    public enum Style { Plain, Bold, Code }

    public static List<Block> Read(string body)
    {
        var blocks = new List<Block>();
        foreach (var chunk in body.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = chunk.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal))) blocks.Add(new Bullets([.. lines.Select(l => l[2..])]));
            else if (lines.All(l => l.StartsWith('|')) && lines.Length >= 2)
                blocks.Add(new Table(Cells(lines[0]), [.. lines.Skip(2).Select(Cells)]));
            else blocks.Add(new Paragraph(string.Join(' ', lines)));
        }
        return blocks;
    }

    /// <summary>The text in pieces, each plain, bold or code.</summary>
    public static IEnumerable<(string Text, Style Style)> Inline(string text)
    {
        var style = Style.Plain;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var marker = text[i] == '`' ? Style.Code : i + 1 < text.Length && text[i] == '*' && text[i + 1] == '*' ? Style.Bold : (Style?)null;
            if (marker is not { } m || (style != Style.Plain && style != m)) continue;
            if (i > start) yield return (text[start..i], style);
            style = style == m ? Style.Plain : m;
            i += m == Style.Bold ? 1 : 0;
            start = i + 1;
        }
        if (start < text.Length) yield return (text[start..], style);
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
