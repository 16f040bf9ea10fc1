using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>
/// What the other services get of a newcomer, by event and by the read-model stream: everything
/// they match and authorise on, but not the name or the postcode, which only Profiles needs.
/// </summary>
public static class Minimised
{
    public static Newcomer ForOtherServices(Newcomer newcomer)
    {
        var copy = newcomer.Clone();
        copy.DisplayName = "";
        copy.Postcode = "";
        return copy;
    }

    public static IntegrationEvent Changed(Newcomer newcomer) => IntegrationEvents.Of(new NewcomerChanged { Newcomer = ForOtherServices(newcomer) });
}
