using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Tests;

/// <summary>Test data, set up through the API as its users would.</summary>
public static class Seed
{
    public static Clients Clients(ConsoleWorld world, string role, string[]? municipalities = null, string[]? providers = null) =>
        new(BearerChannel.For(world.Host.GrpcAddress, LocalTokens.Mint(ConsoleWorld.Auth, $"test-{role}", role, municipalities, providers)));

    /// <summary>A newcomer of Soest in the demo caseworker's caseload, who consents to matching and to sharing (with 10 MAP hours, and an inburgering start if given).</summary>
    public static async Task<Newcomer> NewcomerAsync(ConsoleWorld world, string name, bool shares = true, DateOnly? inburgeringStart = null)
    {
        using var admin = Clients(world, Roles.Admin);
        return await admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest
        {
            Newcomer = new Newcomer
            {
                MunicipalityCode = "GM0342", CaseworkerId = "gm0342-klantmanager-1", DisplayName = name,
                Home = new GeoPoint { Latitude = 52.173, Longitude = 5.291 }, DutchLevel = CefrLevel.A2, Leerroute = Leerroute.B1,
                PipGoals = { PipGoal.Work, PipGoal.Volunteering }, MapHoursDone = 10, Skills = { "koken", "klantvriendelijk" },
                Availability = new Availability
                {
                    HoursPerWeek = 24,
                    DayParts = { Enum.GetValues<DayPart>().Where(d => d != DayPart.Unspecified && !d.ToString().EndsWith("Evening", StringComparison.Ordinal)) },
                },
                MaxTravelKm = 15, TravelModes = { TravelMode.Bicycle, TravelMode.PublicTransport },
                Consent = new Consent { Matching = true, ShareWithProviders = shares },
                InburgeringStart = inburgeringStart is { } start ? new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day } : null,
            },
        });
    }
}

/// <summary>The three service clients over one channel to the standalone host.</summary>
public sealed class Clients(Grpc.Net.Client.GrpcChannel channel) : IDisposable
{
    public ProfileService.ProfileServiceClient Profiles { get; } = new(channel);
    public OpportunityService.OpportunityServiceClient Opportunities { get; } = new(channel);
    public MatchingService.MatchingServiceClient Matching { get; } = new(channel);

    public void Dispose() => channel.Dispose();
}
