using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Domain;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Monitoring;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

public sealed partial class ProfilesApi
{
    private const int MaxMonitoredMunicipalities = 50;

    /// <summary>
    /// The monitoring figures of the municipalities asked (and the region: every municipality the
    /// caller may see), month by month. The answer holds aggregates only, but computing it reads
    /// every newcomer of those municipalities: each is audited as read for monitoring.
    /// </summary>
    public override async Task<MonitoringFigures> GetMonitoringFigures(GetMonitoringFiguresRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Monitoring);
        var v = new Violations().Check(request.MunicipalityCodes.Count <= MaxMonitoredMunicipalities, "municipality_codes", ViolationReasons.TooMany,
            $"at most {MaxMonitoredMunicipalities} municipalities");
        for (var i = 0; i < request.MunicipalityCodes.Count && i < MaxMonitoredMunicipalities; i++)
        {
            v.Municipality(request.MunicipalityCodes[i], $"municipality_codes[{i}]");
            if (request.MunicipalityCodes.Take(i).Contains(request.MunicipalityCodes[i]))
                v.Add($"municipality_codes[{i}]", ViolationReasons.Duplicate, "each municipality once");
        }
        var range = MonthRange.Read(request.FromMonth, request.ToMonth, clock.GetUtcNow(), v);
        v.ThrowIfAny();
        if (request.MunicipalityCodes.FirstOrDefault(m => !caller.SeesFiguresOf(m)) is { } foreign) throw Caller.Denied($"not a municipality of yours: {foreign}");

        var ct = context.CancellationToken;
        var visible = caller.IsAdmin ? await MunicipalitiesWithNewcomersAsync(ct) : [.. caller.Municipalities.Order(StringComparer.Ordinal)];
        var asked = request.MunicipalityCodes.Count > 0 ? [.. request.MunicipalityCodes] : visible;
        var facts = await FactsAsync(request.IncludeRegion ? asked.Union(visible).ToList() : asked, ct);
        await audit.ReadNewcomersAsync(caller, "GetMonitoringFigures", facts.Values.SelectMany(f => f).Select(f => f.Newcomer.Id), Purposes.Monitoring, ct);

        var cells = new SmallCells(monitoring.Value.MinimumGroupSize);
        var month = new MonthFigures(cells);
        MonitoringArea Area(IReadOnlyList<NewcomerFacts> area, MonitoringArea shell)
        {
            shell.Months.Add(range!.Months().Select(m => month.Of(area, m)));
            return shell;
        }
        var figures = new MonitoringFigures { MinimumGroupSize = cells.Minimum, ComputeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) };
        figures.Areas.Add(asked.Select(m => Area(facts[m], new MonitoringArea { MunicipalityCode = m })));
        if (request.IncludeRegion)
            figures.Areas.Add(Area([.. visible.SelectMany(m => facts[m])], new MonitoringArea { Region = true, RegionMunicipalityCodes = { visible } }));
        return figures;
    }

    private async Task<List<string>> MunicipalitiesWithNewcomersAsync(CancellationToken ct)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var newcomer in store.StreamAsync(ProfileStore.Newcomers, null, ct)) codes.Add(newcomer.MunicipalityCode);
        return [.. codes];
    }

    /// <summary>Each municipality's newcomers with their history and matches.</summary>
    private async Task<Dictionary<string, List<NewcomerFacts>>> FactsAsync(IReadOnlyList<string> municipalities, CancellationToken ct)
    {
        var newcomers = new List<(Newcomer Newcomer, List<NewcomerHistoryEntry> History)>();
        foreach (var municipality in municipalities)
            await foreach (var newcomer in store.StreamAsync(ProfileStore.Newcomers, new("municipality", municipality), ct))
            {
                var history = new List<NewcomerHistoryEntry>();
                await foreach (var entry in store.StreamAsync(NewcomerHistory.Entries, NewcomerHistory.Of(newcomer.Id), ct)) history.Add(entry);
                newcomers.Add((newcomer, [.. history.OrderBy(e => e.NewcomerVersion)]));
            }
        var matches = new Dictionary<string, List<Match>>(StringComparer.Ordinal);
        try
        {
            await foreach (var match in matchFacts.OfAsync([.. newcomers.Select(n => n.Newcomer.Id)], ct))
                (matches.TryGetValue(match.NewcomerId, out var list) ? list : matches[match.NewcomerId] = []).Add(match);
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Cancelled or StatusCode.Unavailable))
        {
            // The caller did nothing wrong: whatever the matching service answered, the figures cannot be made now.
            throw new RpcException(new Status(StatusCode.Unavailable, $"the matching service did not give the matches ({e.StatusCode})"));
        }
        var facts = municipalities.ToDictionary(m => m, _ => new List<NewcomerFacts>(), StringComparer.Ordinal);
        foreach (var (newcomer, history) in newcomers)
            facts[newcomer.MunicipalityCode].Add(new NewcomerFacts(newcomer, history, matches.GetValueOrDefault(newcomer.Id) ?? []));
        return facts;
    }
}
