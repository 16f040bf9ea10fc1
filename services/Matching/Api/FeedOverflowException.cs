namespace Newcomers.Matching.Api;

/// <summary>A watcher fell too far behind.</summary>
public sealed class FeedOverflowException() : Exception("the watcher fell too far behind");
