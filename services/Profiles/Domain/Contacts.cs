using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>How a newcomer is reached: the name and the caseworker, for the provider of an accepted match (through the matching service).</summary>
public static class Contacts
{
    public static NewcomerContact Of(Newcomer newcomer) => new()
    {
        NewcomerId = newcomer.Id, DisplayName = newcomer.DisplayName, CaseworkerId = newcomer.CaseworkerId, CaseworkerContact = newcomer.CaseworkerContact,
    };
}
