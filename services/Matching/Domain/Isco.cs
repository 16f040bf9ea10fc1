namespace Newcomers.Matching.Domain;

/// <summary>ISCO-08 unit group codes as numbers (0 when absent), so groups compare by division.</summary>
public static class Isco
{
    public static int Code(string code) => int.TryParse(code, out var value) && code.Length == 4 ? value : 0;

    /// <summary>The ISCO-08 major groups, in the order the supply and demand lists them (1 to 9, then 0, the armed forces).</summary>
    public static readonly int[] MajorGroups = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];

    /// <summary>The major group (the first digit) of a unit group code, or null when the code is absent.</summary>
    public static int? MajorGroup(int code) => code == 0 ? null : code / 1000;

    /// <summary>4 same unit group, 3 same minor group, 2 same sub-major, 1 same major group, 0 none.</summary>
    public static int Level(int[] held, int wanted)
    {
        if (wanted == 0) return 0;
        var best = 0;
        foreach (var code in held)
        {
            var level = code == wanted ? 4 : code / 10 == wanted / 10 ? 3 : code / 100 == wanted / 100 ? 2 : code / 1000 == wanted / 1000 ? 1 : 0;
            if (level > best) best = level;
        }
        return best;
    }
}
