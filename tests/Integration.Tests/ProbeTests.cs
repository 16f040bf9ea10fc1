using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host;

namespace Newcomers.Integration.Tests;

/// <summary>The holes an outside probe found in the standalone host, each closed.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProbeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_decompression_bomb_gets_resource_exhausted_at_once_and_memory_stays_flat()
    {
        // About 1 MB on the wire, 1 GiB once inflated; three at once, as the probe sent them.
        var bomb = GzipFrame(1L << 30);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostGrpcAsync("/matching.v1.ProfileService/CreateNewcomer", bomb, "gzip")));

        foreach (var (status, message) in answers)
        {
            Assert.Equal("8", status);
            Assert.Contains("4 MB", message);
        }
        process.Refresh();
        var grown = process.PeakWorkingSet64 - peakBefore;
        Assert.True(grown < 512L * 1024 * 1024, $"peak memory grew by {grown / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task A_token_without_a_subject_is_refused()
    {
        var token = fixture.Host.TokenWith(new Claim("role", Roles.Admin));
        var error = await Expect.Status(StatusCode.Unauthenticated, () => ListProvidersAs(token));
        Assert.Contains("subject", error.Status.Detail);
    }

    [Fact]
    public async Task A_token_with_two_roles_is_refused_whatever_their_order()
    {
        foreach (var roles in new[] { new[] { Roles.Provider, Roles.Admin }, [Roles.Admin, Roles.Provider] })
        {
            var token = fixture.Host.TokenWith([new Claim("sub", "two-hats"), .. roles.Select(r => new Claim("role", r))]);
            var error = await Expect.Status(StatusCode.Unauthenticated, () => ListProvidersAs(token));
            Assert.Contains("exactly one role", error.Status.Detail);
        }
    }

    [Fact]
    public async Task A_provider_cannot_attach_itself_to_a_platform_but_the_platform_can()
    {
        var provider = await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        using var itself = fixture.Host.As(Roles.Provider, providers: [provider.Id]);
        var change = new UpdateProviderRequest { Provider = new Provider(provider) { PlatformId = "platform-x" }, UpdateMask = new() { Paths = { "platform_id" } } };
        var error = await Expect.Status(StatusCode.PermissionDenied, () => itself.Opportunities.UpdateProviderAsync(change).ResponseAsync);
        Assert.Contains("platform_id", error.Status.Detail);
        Assert.Equal("", (await fixture.Host.Opportunities.GetProviderAsync(new GetProviderRequest { Id = provider.Id })).PlatformId);

        var renamed = await itself.Opportunities.UpdateProviderAsync(new UpdateProviderRequest
        {
            Provider = new Provider(provider) { Name = "Bakkerij De Eng en Zn." }, UpdateMask = new() { Paths = { "name" } },
        });
        Assert.Equal("Bakkerij De Eng en Zn.", renamed.Name);
        var attached = await fixture.Host.Opportunities.UpdateProviderAsync(new UpdateProviderRequest { Provider = new Provider(renamed) { PlatformId = "platform-x" }, UpdateMask = new() { Paths = { "platform_id" } } });
        Assert.Equal("platform-x", attached.PlatformId);
    }

    [Fact]
    public void The_data_directory_and_every_database_file_are_for_the_owner_only()
    {
        var directory = fixture.Host.DataDirectory;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        var files = Directory.GetFiles(directory);
        Assert.Contains(files, f => f.EndsWith("profiles.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("profiles.db-wal", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
    }

    [Fact]
    public async Task An_older_data_directory_is_narrowed_to_the_owner_on_start()
    {
        var directory = RunningHost.NewDataDirectory();
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var old = Path.Combine(directory, "profiles.db");
        await File.WriteAllBytesAsync(old, []);
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);
        await using var host = await RunningHost.StartAsync(directory);
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(directory));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(old));
    }

    [Fact]
    public void The_published_key_on_a_network_address_is_refused_unless_this_is_a_lab()
    {
        // 192.0.2.1 is a documentation address: the host is built, never started, so nothing listens there.
        string[] exposed = ["--Hosting:Address=192.0.2.1", "--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", $"--Storage:DataDirectory={RunningHost.NewDataDirectory()}"];
        var refused = Assert.Throws<InvalidOperationException>(() => StandaloneHost.Create(exposed));
        Assert.Contains("published demo signing key", refused.Message);

        var lines = new ConcurrentQueue<string>();
        var lab = StandaloneHost.Create([.. exposed, "--Hosting:Lab=true"], b => b.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(lines)));
        Assert.NotNull(lab);
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("published demo signing key", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("plaintext", StringComparison.Ordinal));

        var ownKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        lines.Clear();
        StandaloneHost.Create([.. exposed, $"--Auth:SigningKey={ownKey}"], b => b.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(lines)));
        Assert.DoesNotContain(lines, l => l.Contains("published demo signing key", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("plaintext", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thousand_bad_items_give_an_error_that_debians_python_client_can_read()
    {
        var provider = await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var batch = new BatchCreateOpportunitiesRequest();
        for (var i = 0; i < 1000; i++) batch.Requests.Add(new CreateOpportunityRequest { Opportunity = new Opportunity { ProviderId = provider.Id } });
        var requestFile = Path.GetTempFileName();
        await File.WriteAllBytesAsync(requestFile, batch.ToByteArray());

        var answer = await PythonAsync("/matching.v1.OpportunityService/BatchCreateOpportunities", requestFile);

        Assert.Equal("INVALID_ARGUMENT", answer.GetProperty("code").GetString());
        Assert.EndsWith("more", answer.GetProperty("details").GetString());
        var details = answer.GetProperty("trailing").GetProperty("grpc-status-details-bin").GetString()!;
        var trailerBytes = details.Length + answer.GetProperty("details").GetString()!.Length;
        Assert.True(trailerBytes < 8 * 1024, $"the trailers take {trailerBytes} bytes");
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(details));
        var reported = status.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.InRange(reported.FieldViolations.Count, 1, BuildingBlocks.Validation.Errors.MaxReportedViolations);
        Assert.Equal("requests[0].opportunity.kind", reported.FieldViolations[0].Field);
        Assert.Equal(BuildingBlocks.Validation.ViolationReasons.InvalidChoice, reported.FieldViolations[0].Reason);
        Expect.EveryViolationHasAReason(reported);
        var more = status.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal("7000", more.Metadata["total"]);
        Assert.Empty((await fixture.Host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = provider.Id })).Opportunities);
    }

    private Task ListProvidersAs(string token)
    {
        var channel = BearerChannel.For(fixture.Host.GrpcAddress, token);
        return new OpportunityService.OpportunityServiceClient(channel).ListProvidersAsync(new ListProvidersRequest()).ResponseAsync;
    }

    /// <summary>One gRPC frame whose payload is the gzip of this many zero bytes.</summary>
    private static byte[] GzipFrame(long inflated)
    {
        using var compressed = new MemoryStream();
        compressed.Write(new byte[5]);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflated; written += zeros.Length) gzip.Write(zeros);
        }
        var frame = compressed.ToArray();
        frame[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)(frame.Length - 5));
        return frame;
    }

    /// <summary>Posts raw gRPC bytes over HTTP/2 and returns grpc-status and grpc-message.</summary>
    private async Task<(string Status, string Message)> PostGrpcAsync(string path, byte[] frame, string encoding)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Host.GrpcAddress + path)
        {
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact, Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("grpc-encoding", encoding);
        request.Headers.Add("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Host.AdminToken);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string Header(string name) => response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values)
            ? Uri.UnescapeDataString(values.First()) : "";
        return (Header("grpc-status"), Header("grpc-message"));
    }

    /// <summary>Calls the method with Debian's python3-grpcio (tests/Clients/python/call_raw.py) and returns what it printed.</summary>
    private async Task<JsonElement> PythonAsync(string method, string requestFile)
    {
        var script = Path.Combine(TestSupport.Repository.Root, "tests", "Clients", "python", "call_raw.py");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, fixture.Host.GrpcAddress.Replace("http://", "", StringComparison.Ordinal), fixture.Host.AdminToken, method, requestFile },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);
        return JsonDocument.Parse(output).RootElement;
    }
}
