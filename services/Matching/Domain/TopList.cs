namespace Newcomers.Matching.Domain;

/// <summary>
/// The best k items seen, best first: higher score, then nearer, then lower id. A min-heap of the
/// k best so far, so an offer costs O(log k) and most offers only compare with the threshold.
/// </summary>
public sealed class TopList<T>(int k) where T : class
{
    // Grown as offers come: most lists (a guidance keeps one per change) never fill.
    private readonly PriorityQueue<T, (double Score, double Distance, string Id)> heap = new(Math.Min(k + 1, 16), Worst.First);

    public int Count => heap.Count;

    /// <summary>The score an item must reach to enter: the k-th best so far, or minus infinity while not full.</summary>
    public double Threshold => heap.Count == k && k > 0 && heap.TryPeek(out _, out var worst) ? worst.Score : double.NegativeInfinity;

    public void Offer(double score, double distance, string id, T item)
    {
        if (k == 0) return;
        if (heap.Count < k)
        {
            heap.Enqueue(item, (score, distance, id));
            return;
        }
        heap.TryPeek(out _, out var worst);
        if (Worst.First.Compare((score, distance, id), worst) > 0) heap.DequeueEnqueue(item, (score, distance, id));
    }

    public IEnumerable<(double Score, double Distance, T Item)> Items() =>
        heap.UnorderedItems.OrderByDescending(e => e.Priority, Worst.First).Select(e => (e.Priority.Score, e.Priority.Distance, e.Element));

    /// <summary>Orders candidates worst first: lower score, then farther, then higher id.</summary>
    private sealed class Worst : IComparer<(double Score, double Distance, string Id)>
    {
        public static readonly Worst First = new();

        public int Compare((double Score, double Distance, string Id) x, (double Score, double Distance, string Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0) return byScore;
            var byDistance = y.Distance.CompareTo(x.Distance);
            return byDistance != 0 ? byDistance : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
