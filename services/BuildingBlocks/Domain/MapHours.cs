using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Domain;

/// <summary>
/// The one home of the MAP's (Module Arbeidsmarkt en Participatie) hour rule, shared by matching
/// (the MAP fit and its reason) and the monitoring figures of the Profiles service.
/// </summary>
public static class MapHours
{
    /// <summary>The practical hours the MAP asks for.</summary>
    public const double Required = 40;

    /// <summary>The onderwijsroute has no MAP: its newcomers need no hours.</summary>
    public static bool Exempt(Leerroute leerroute) => leerroute == Leerroute.Onderwijs;
}
