using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>Parts of the week in few words: "ochtend en middag ma–vr, avond di en do".</summary>
public static class Week
{
    private static readonly string[] Days = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    private static readonly string[] Parts = ["ochtend", "middag", "avond"];

    public static string Summary(IEnumerable<DayPart> dayParts)
    {
        var byPart = Parts.Select((_, p) => dayParts.Where(d => d != DayPart.Unspecified && ((int)d - 1) % 3 == p).Select(d => ((int)d - 1) / 3).ToHashSet()).ToList();
        var groups = Enumerable.Range(0, 3).Where(p => byPart[p].Count > 0).GroupBy(p => DaysText(byPart[p]))
            .Select(g => $"{Join(g.Select(p => Parts[p]).ToList())} {g.Key}").ToList();
        return groups.Count == 0 ? "–" : string.Join(", ", groups);
    }

    /// <summary>"ma–vr", "di en do", "ma, wo en vr–zo".</summary>
    private static string DaysText(HashSet<int> days)
    {
        var runs = new List<string>();
        for (var d = 0; d < 7; d++)
        {
            if (!days.Contains(d)) continue;
            var end = d;
            while (days.Contains(end + 1)) end++;
            runs.Add(end - d >= 2 ? $"{Days[d]}–{Days[end]}" : end > d ? $"{Days[d]}, {Days[end]}" : Days[d]);
            d = end;
        }
        return Join(runs.SelectMany(r => r.Split(", ")).ToList());
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} en {items[^1]}";
}
