namespace Newcomers.BuildingBlocks.Api;

/// <summary>Where a process listens (section "Hosting"). Port 0 picks a free port.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";
    public string Address { get; set; } = "127.0.0.1";
    public int GrpcPort { get; set; } = 5080;
    public int HttpPort { get; set; } = 5081;

    /// <summary>A PKCS#12 (.pfx) certificate: when given, both ports serve TLS only.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";

    /// <summary>Says that a host on a network address is a lab, where the published demo key may be used.</summary>
    public bool Lab { get; set; }
}
