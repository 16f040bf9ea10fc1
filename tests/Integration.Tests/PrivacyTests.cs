using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

public sealed class PrivacyTests
{
    private const string Name = "Zorayda Qwertyuiop";
    private const string Postcode = "3768";
    private const string Household = "huishouden-qwertyuiop";
    private const string DeclineReason = "geen vervoer vanwege rugklachten van mevrouw";
    private const string EndText = "verhuisd naar familie in Amersfoort";

    /// <summary>A newcomer with every kind of trace: profile, protected attributes, matches, MAP credit, impressions and audit entries.</summary>
    private static async Task<Newcomer> LeaveTracesAsync(RunningHost host)
    {
        var details = Build.Newcomer();
        (details.DisplayName, details.Postcode, details.HouseholdId) = (Name, Postcode, Household);
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = details });
        await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = new ProtectedAttributes { NewcomerId = newcomer.Id, Gender = Gender.Female, BirthYear = 1990, CountryOfOrigin = "ER" } });
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var second = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        await host.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = placement.Id });
        var declined = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = second.Id, CaseworkerId = "km" });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = declined.Id, Party = Party.Newcomer, Accept = false, ReasonCode = EndReason.Other, Reason = DeclineReason });
        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "km" });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
        await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
        await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Ended, HoursCompleted = 12, ReasonCode = EndReason.Moved, Reason = EndText });
        await host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id });
        await host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        return newcomer;
    }

    [Fact]
    public async Task After_erasure_no_store_file_holds_the_newcomers_id_or_name_and_the_audit_trail_stays_pseudonymised()
    {
        var data = RunningHost.NewDataDirectory();
        await using (var host = await RunningHost.StartAsync(data))
        {
            var newcomer = await LeaveTracesAsync(host);
            var audit = new AuditService.AuditServiceClient(host.Channel);
            Assert.NotEmpty((await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}" })).Entries);

            // The search finds them while they are there; the name only in the Profiles service's files.
            Assert.Contains(Directory.GetFiles(data), f => Holds(f, Name));
            Assert.All(Directory.GetFiles(data).Where(f => Holds(f, Name)), f => Assert.StartsWith("profiles.db", Path.GetFileName(f), StringComparison.Ordinal));
            Assert.Contains(Directory.GetFiles(data), f => Holds(f, EndText));
            Assert.Contains(Directory.GetFiles(data), f => Holds(f, Household));

            await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomer.Id });

            Assert.Empty((await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}" })).Entries);
            var trail = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Actor = "test-admin", PageSize = 1000 })).Entries;
            Assert.Contains(trail, e => e.Record.StartsWith("newcomers/erased-", StringComparison.Ordinal) && e.Action == "GetNewcomer");
            await Expect.Status(Grpc.Core.StatusCode.NotFound, () => host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
            Assert.Empty((await host.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = newcomer.Id })).Matches);

            // Every store file, as it is on disk while the host runs.
            AssertNowhere(data, newcomer.Id, Name, Household, DeclineReason, EndText);
        }
    }

    [Fact]
    public async Task Protected_attributes_are_kept_only_with_consent_for_fairness_audits_and_go_when_it_is_withdrawn()
    {
        await using var host = await RunningHost.StartAsync();
        var details = Build.Newcomer();
        details.Consent.FairnessAudit = false;
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = details });
        var attributes = new ProtectedAttributes { NewcomerId = newcomer.Id, Gender = Gender.Female, BirthYear = 1990, CountryOfOrigin = "ER" };

        await Expect.Status(Grpc.Core.StatusCode.FailedPrecondition, () => host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = attributes }).ResponseAsync);
        await host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent { Matching = true, FairnessAudit = true } });
        await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = attributes });
        Assert.Equal("ER", (await host.Profiles.GetProtectedAttributesAsync(new GetProtectedAttributesRequest { NewcomerId = newcomer.Id })).CountryOfOrigin);

        await host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent { Matching = true } });
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => host.Profiles.GetProtectedAttributesAsync(new GetProtectedAttributesRequest { NewcomerId = newcomer.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Every_read_of_a_newcomers_data_is_in_the_audit_log_with_who_when_and_why()
    {
        await using var host = await RunningHost.StartAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        using var watch = caseworker.Matching.WatchMatches(new WatchMatchesRequest());
        var watched = watch.ResponseStream.MoveNext(CancellationToken.None);

        // The admin leaves every kind of trace; the caseworker reads, changes and follows the newcomer.
        var newcomer = await LeaveTracesAsync(host);
        Assert.True(await watched.WaitAsync(TimeSpan.FromSeconds(10)));
        await host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent { Matching = true, FairnessAudit = true } });
        await host.Profiles.GetProtectedAttributesAsync(new GetProtectedAttributesRequest { NewcomerId = newcomer.Id });
        using (var stream = host.Profiles.StreamNewcomers(new StreamNewcomersRequest()))
            while (await stream.ResponseStream.MoveNext(CancellationToken.None)) { }
        var current = await caseworker.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        await caseworker.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = new Newcomer(current) { DutchLevel = CefrLevel.B1 }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "dutch_level" } } });
        await caseworker.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342" });
        await caseworker.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = newcomer.Id });
        var audit = new AuditService.AuditServiceClient(host.Channel);
        string[] byAdmin = ["SetProtectedAttributes", "GetProtectedAttributes", "StreamNewcomers", "RecommendOpportunities", "RecommendNewcomers", "ProposeMatch", "RespondToMatch",
            "RecordOutcome", "GetMatch", "GetNewcomer", "UpdateConsent"];
        string[] byCaseworker = ["WatchMatches", "GetNewcomer", "UpdateNewcomer", "ListNewcomers", "ListMatches"];

        var entries = new List<AuditEntry>();
        bool Complete() => byAdmin.All(r => entries.Any(e => e.Action == r && e.Role == "admin")) && byCaseworker.All(r => entries.Any(e => e.Action == r && e.Role == "caseworker"));
        for (var wait = 0; wait < 100 && !Complete(); wait++)
        {
            await Task.Delay(50);
            entries = [.. (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}", PageSize = 1000 })).Entries];
        }

        Assert.Empty(byAdmin.Except(entries.Where(e => e.Role == "admin").Select(e => e.Action)));
        Assert.Empty(byCaseworker.Except(entries.Where(e => e.Role == "caseworker").Select(e => e.Action)));
        Assert.All(entries, e =>
        {
            Assert.Contains((e.Actor, e.Role), new[] { ("test-admin", "admin"), ("test-caseworker", "caseworker") });
            Assert.Contains(e.Purpose, new[] { "case management", "matching", "match follow-up", "fairness audit", "read model rebuild" });
            Assert.InRange(e.Time.ToDateTimeOffset(), before, DateTimeOffset.UtcNow);
        });
        Assert.Equal("fairness audit", entries.First(e => e.Action == "SetProtectedAttributes").Purpose);
        Assert.Equal("match follow-up", entries.First(e => e.Action == "WatchMatches").Purpose);
    }

    [Fact]
    public async Task With_redis_as_the_store_no_key_value_or_file_holds_an_erased_newcomer()
    {
        var redis = RedisServer.WithAppendOnlyFile();
        await redis.InitializeAsync();
        try
        {
            await using var host = await RunningHost.StartAsync(null, "--Storage:Kind=redis", $"--Storage:Redis={redis.ConnectionString}");
            var newcomer = await LeaveTracesAsync(host);
            var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
            Assert.Contains(await DumpAsync(redis, server), text => text.Contains(Name, StringComparison.Ordinal));
            var files = () => Directory.GetFiles(redis.Directory, "*", SearchOption.AllDirectories);
            Assert.Contains(files(), f => Holds(f, Name));

            await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomer.Id });

            var everything = await DumpAsync(redis, server);
            Assert.NotEmpty(everything);
            foreach (var secret in new[] { newcomer.Id, Name, Household, DeclineReason, EndText })
                Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));

            // Nor do redis-server's files: the append-only file was rewritten (old parts are removed in the background).
            Assert.NotEmpty(files());
            for (var wait = 0; wait < 100 && files().Any(f => Holds(f, Name) || Holds(f, newcomer.Id)); wait++) await Task.Delay(50);
            foreach (var file in files())
                foreach (var secret in new[] { newcomer.Id, Name, Household, DeclineReason, EndText })
                    Assert.False(Holds(file, secret), $"{Path.GetFileName(file)} still holds '{secret}'");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>Every key of the Redis database, and every value under it, as text.</summary>
    private static async Task<List<string>> DumpAsync(RedisServer redis, StackExchange.Redis.IServer server)
    {
        var db = redis.Connection.GetDatabase();
        var texts = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            texts.Add(key!);
            switch (await db.KeyTypeAsync(key))
            {
                case StackExchange.Redis.RedisType.String: texts.Add(Encoding.UTF8.GetString((byte[])(await db.StringGetAsync(key))!)); break;
                case StackExchange.Redis.RedisType.Hash: texts.AddRange((await db.HashGetAllAsync(key)).SelectMany(e => new[] { (string)e.Name!, Encoding.UTF8.GetString((byte[])e.Value!) })); break;
                case StackExchange.Redis.RedisType.SortedSet: texts.AddRange((await db.SortedSetRangeByRankAsync(key)).Select(v => (string)v!)); break;
                case StackExchange.Redis.RedisType.Set: texts.AddRange((await db.SetMembersAsync(key)).Select(v => (string)v!)); break;
                case StackExchange.Redis.RedisType.List: texts.AddRange((await db.ListRangeAsync(key)).Select(v => (string)v!)); break;
                case StackExchange.Redis.RedisType.Stream: texts.AddRange((await db.StreamRangeAsync(key)).SelectMany(e => e.Values).Select(v => $"{v.Name}={v.Value}")); break;
            }
        }
        return texts;
    }

    [Fact]
    public async Task The_logs_of_a_whole_scenario_hold_no_personal_data()
    {
        var lines = new ConcurrentQueue<string>();
        await using var host = await RunningHost.StartAsync(null, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter(_ => true);
            builder.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(lines));
        }, "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Grpc=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Debug");
        var newcomer = await LeaveTracesAsync(host);
        // Client mistakes are logged by the gRPC server with their status message.
        var current = await host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        await Expect.Status(Grpc.Core.StatusCode.Aborted, () => host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = new Newcomer(current) { Version = 99, DisplayName = Name + " B" } }).ResponseAsync);
        await Expect.Status(Grpc.Core.StatusCode.InvalidArgument, () => host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = new Newcomer(current) { Postcode = Name } }).ResponseAsync);
        await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomer.Id });
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id }).ResponseAsync);

        Assert.NotEmpty(lines);
        foreach (var secret in new[] { newcomer.Id, Name, Postcode, Household, DeclineReason, EndText, "52.173" })
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    private static void AssertNowhere(string directory, params string[] secrets)
    {
        var files = Directory.GetFiles(directory);
        Assert.Contains(files, f => f.EndsWith("profiles.db", StringComparison.Ordinal));
        foreach (var file in files)
            foreach (var secret in secrets)
                Assert.False(Holds(file, secret), $"{Path.GetFileName(file)} still holds '{secret}'");
    }

    private static bool Holds(string file, string secret)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0;
    }
}
