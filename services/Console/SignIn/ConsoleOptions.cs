namespace Newcomers.Console.SignIn;

/// <summary>How the console reaches the services and signs people in (section "Console").</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>With Auth:Authority: the console's client at the OIDC provider (authorization code with PKCE).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The secret of <see cref="ClientId"/>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The Profiles service's gRPC address; empty means this process (the standalone host) or the Dapr sidecar.</summary>
    public string ProfilesAddress { get; set; } = "";

    /// <summary>The Opportunities service's gRPC address; empty as for <see cref="ProfilesAddress"/>.</summary>
    public string OpportunitiesAddress { get; set; } = "";

    /// <summary>The Matching service's gRPC address; empty as for <see cref="ProfilesAddress"/>.</summary>
    public string MatchingAddress { get; set; } = "";
}
