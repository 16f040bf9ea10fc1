using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// Two municipalities (Soest is ours, Baarn is foreign), a newcomer, provider, opportunity and
/// match in each, a buddy offer in ours, and one caller of every role scoped to ours (policy staff too).
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string Ours = "GM0342", Foreign = "GM0308", Platform = "platform-1";

    /// <summary>The current month, "YYYY-MM", for the monitoring figures.</summary>
    public static string ThisMonth => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public RunningHost Host { get; private set; } = null!;
    public Newcomer OurNewcomer { get; private set; } = null!;
    public Newcomer ForeignNewcomer { get; private set; } = null!;
    public Provider OurProvider { get; private set; } = null!;
    public Provider ForeignProvider { get; private set; } = null!;
    public Opportunity OurPlacement { get; private set; } = null!;
    public Opportunity ForeignPlacement { get; private set; } = null!;
    public Opportunity OurBuddy { get; private set; } = null!;
    public Match OurMatch { get; private set; } = null!;
    public Match ForeignMatch { get; private set; } = null!;
    public Dictionary<string, Clients> As { get; } = [];

    public async Task InitializeAsync()
    {
        Host = await RunningHost.StartAsync();
        var ours = Build.Newcomer();
        ours.Consent.ShareWithProviders = false;
        OurNewcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = ours });
        var foreign = Build.Newcomer();
        foreign.MunicipalityCode = Foreign;
        ForeignNewcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = foreign });
        OurProvider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Name = "Bakkerij", Kind = ProviderKind.Employer, MunicipalityCode = Ours, PlatformId = Platform } });
        ForeignProvider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Name = "Garage", Kind = ProviderKind.Employer, MunicipalityCode = Foreign } });
        OurPlacement = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(OurProvider.Id, capacity: 5) });
        ForeignPlacement = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(ForeignProvider.Id, capacity: 5) });
        OurBuddy = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Buddy(OurProvider.Id) });
        OurMatch = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = OurNewcomer.Id, OpportunityId = OurPlacement.Id, CaseworkerId = "km" });
        ForeignMatch = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = ForeignNewcomer.Id, OpportunityId = ForeignPlacement.Id, CaseworkerId = "km" });
        As[Roles.Caseworker] = Host.As(Roles.Caseworker, municipalities: [Ours]);
        As[Roles.Coordinator] = Host.As(Roles.Coordinator, municipalities: [Ours]);
        As[Roles.Provider] = Host.As(Roles.Provider, providers: [OurProvider.Id]);
        As[Roles.Platform] = Host.As(Roles.Platform, platform: Platform);
        As[Roles.Admin] = Host.As(Roles.Admin);
        As[Roles.Service] = Host.As(Roles.Service);
        As[Roles.Policy] = Host.As(Roles.Policy, municipalities: [Ours]);
    }

    public async Task DisposeAsync()
    {
        foreach (var clients in As.Values) clients.Dispose();
        await Host.DisposeAsync();
    }
}
