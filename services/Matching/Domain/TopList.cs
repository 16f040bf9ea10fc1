namespace Newcomers.Matching.Domain;

/// <summary>The best k items seen, best first: higher score, then nearer, then lower id.</summary>
public sealed class TopList<T>(int k) where T : class
{
    private readonly (double Score, double Distance, string Id, T Item)[] best = new (double, double, string, T)[k];

    public int Count { get; private set; }

    /// <summary>The score an item must reach to enter: the k-th best so far, or minus infinity while not full.</summary>
    public double Threshold => Count == k && k > 0 ? best[k - 1].Score : double.NegativeInfinity;

    public void Offer(double score, double distance, string id, T item)
    {
        if (k == 0 || Count == k && !Better(score, distance, id, best[k - 1])) return;
        var at = Count < k ? Count++ : k - 1;
        while (at > 0 && Better(score, distance, id, best[at - 1]))
        {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = (score, distance, id, item);
    }

    public IEnumerable<(double Score, double Distance, T Item)> Items() => best.Take(Count).Select(b => (b.Score, b.Distance, b.Item));

    private static bool Better(double score, double distance, string id, (double Score, double Distance, string Id, T Item) other) =>
        score > other.Score || score == other.Score && (distance < other.Distance || distance == other.Distance && string.CompareOrdinal(id, other.Id) < 0);
}
