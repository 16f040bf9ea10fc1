using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>
/// What the other services get of a newcomer, by event and by the read-model stream: everything
/// they match and authorise on, but not the name, the postcode or the caseworker's contact, which
/// only Profiles keeps (the provider of an accepted match gets name and contact through
/// GetNewcomerContact, see <see cref="Contacts"/>).
/// </summary>
public static class Minimised
{
    public static Newcomer ForOtherServices(Newcomer newcomer)
    {
        var copy = newcomer.Clone();
        copy.DisplayName = "";
        copy.Postcode = "";
        copy.CaseworkerContact = "";
        return copy;
    }

    public static IntegrationEvent Changed(Newcomer newcomer) => IntegrationEvents.Of(new NewcomerChanged { Newcomer = ForOtherServices(newcomer) });
}
