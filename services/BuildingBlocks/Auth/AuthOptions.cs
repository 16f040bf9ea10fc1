namespace Newcomers.BuildingBlocks.Auth;

/// <summary>How callers are authenticated (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>An OIDC provider (its issuer URL). When set, tokens are checked against its published keys.</summary>
    public string Authority { get; set; } = "";

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
