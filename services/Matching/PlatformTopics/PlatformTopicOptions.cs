namespace Newcomers.Matching.PlatformTopics;

/// <summary>The platforms' pub/sub topics of match changes, in the distributed mode (section "Matching:PlatformTopics").</summary>
public sealed class PlatformTopicOptions
{
    public const string Section = "Matching:PlatformTopics";

    /// <summary>Whether match changes go out on the platforms' topics at all (only with a Dapr sidecar).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A platform's topic is this prefix followed by its platform_id.</summary>
    public string Prefix { get; set; } = "platform-match-changes.";

    /// <summary>How long the replica that publishes holds the lease; another replica takes over when it has lapsed that long.</summary>
    public int LeaseSeconds { get; set; } = 10;

    public string TopicOf(string platformId) => Prefix + platformId;
}
