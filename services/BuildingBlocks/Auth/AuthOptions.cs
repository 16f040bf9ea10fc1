namespace Newcomers.BuildingBlocks.Auth;

/// <summary>How callers are authenticated (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The signing key in the standalone host's appsettings.json: published, so fit only for a machine of one's own.</summary>
    public const string PublishedDemoKey = "OE9t5pC9Pk0hHoW3w62FoJAnQL4jDHbnH045syikShY=";

    /// <summary>An OIDC provider (its issuer URL). When set, tokens are checked against its published keys.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Whether the OIDC provider's metadata must come over HTTPS (turn off only for a provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>With an authority: this service's client at the provider, for its calls to the other services (client credentials).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>With an authority: the secret of <see cref="ClientId"/>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>With an authority: the scope to ask for with client credentials, if the provider wants one.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = "newcomer-matching";

    /// <summary>Without an authority: the issuer of locally minted tokens.</summary>
    public string Issuer { get; set; } = "newcomer-matching-local";

    /// <summary>Without an authority: the base64 HMAC-SHA256 key that signs local tokens (at least 32 bytes).</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The secret behind pseudonyms (of candidates shown to providers, of erased newcomers in the audit log); derived from the signing key when empty.</summary>
    public string PseudonymKey { get; set; } = "";

    /// <summary>Whether gRPC reflection answers without a token (health always does).</summary>
    public bool AnonymousReflection { get; set; } = true;
}
