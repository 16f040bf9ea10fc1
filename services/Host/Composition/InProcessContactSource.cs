using Newcomers.Contracts.V1;
using Newcomers.Matching.Contact;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Host.Composition;

/// <summary>Standalone only: GetMatchContact reads the Profiles store of this process directly, as the distributed mode asks GetNewcomerContact over gRPC.</summary>
public sealed class InProcessContactSource(ProfileStore profiles) : IContactSource
{
    public async Task<NewcomerContact?> OfAsync(string newcomerId, CancellationToken cancellationToken) =>
        await profiles.GetAsync(ProfileStore.Newcomers, newcomerId, cancellationToken) is { } newcomer ? Contacts.Of(newcomer) : null;
}
