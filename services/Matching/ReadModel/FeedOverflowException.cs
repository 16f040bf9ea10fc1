namespace Newcomers.Matching.ReadModel;

/// <summary>A watcher fell too far behind.</summary>
public sealed class FeedOverflowException() : Exception("the watcher fell too far behind");
