using System.Diagnostics;

namespace Newcomers.Integration.Tests;

/// <summary>A client that is not .NET (Node with @grpc/grpc-js, reading only the .proto files) runs a caseworker's session.</summary>
public sealed class ExternalClientTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_node_client_registers_recommends_proposes_and_accepts()
    {
        var script = Path.Combine(Newcomers.TestSupport.Repository.Root, "tests", "Clients", "node", "session.mjs");
        var grpcAddress = fixture.Host.Channel.Target;
        var start = new ProcessStartInfo("node") { ArgumentList = { script, grpcAddress, CommonProtos(), fixture.Host.AdminToken }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, errors);
        Assert.Contains("CreateOpportunity with an empty placement -> INVALID_ARGUMENT", output);
        Assert.Contains("woont 1,0 km van de werkplek / lives 1.0 km from the workplace", output);
        Assert.Contains("RespondToMatch (provider, then newcomer) -> MATCH_STATE_ACCEPTED", output);
    }

    /// <summary>google/type/date.proto, from the NuGet package that ships it.</summary>
    internal static string CommonProtos()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.GetDirectories(Path.Combine(packages, "google.api.commonprotos")).Order().Last() + "/content/protos";
    }
}
