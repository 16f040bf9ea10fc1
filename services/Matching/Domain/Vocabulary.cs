using System.Collections.Concurrent;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Interns labels (skills, languages, interests) as small integers, so overlaps are merges of
/// sorted int arrays on the hot path. Labels compare case-insensitively.
/// </summary>
public sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, string> labels = new();

    public int[] Intern(IEnumerable<string> values) =>
        values.Select(v => ids.GetOrAdd(v.Trim(), key =>
        {
            var id = ids.Count;
            labels[id] = key;
            return id;
        })).Distinct().Order().ToArray();

    public string Label(int id) => labels.GetValueOrDefault(id, "?");

    /// <summary>How many ids two sorted arrays share.</summary>
    public static int Overlap(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    /// <summary>Whether two sorted arrays share an id: exact, and done at the first one shared.</summary>
    public static bool AnyShared(int[] a, int[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) return true;
            if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    public static IEnumerable<int> Shared(int[] a, int[] b) => a.Intersect(b);

    /// <summary>
    /// A 64-bit signature of a set of ids: two sets whose signatures share no bit share no id.
    /// Lets candidate generation bound an overlap without touching the arrays.
    /// </summary>
    public static ulong Signature(int[] ids) => ids.Aggregate(0UL, (signature, id) => signature | 1UL << (id & 63));
}
