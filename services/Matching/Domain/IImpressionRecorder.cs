namespace Newcomers.Matching.Domain;

/// <summary>Takes what recommendations showed, as they are shown, and stores it off the request path.</summary>
public interface IImpressionRecorder
{
    void Record(RecommendationShown shown);

    /// <summary>Waits until everything recorded so far is stored (an erasure then finds it).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
