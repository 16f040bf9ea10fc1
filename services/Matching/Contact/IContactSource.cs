using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Contact;

/// <summary>
/// Where GetMatchContact gets how a newcomer is reached: the Profiles service, which alone keeps
/// names and contact details. In the standalone host its store in the same process; in the
/// distributed mode its GetNewcomerContact RPC.
/// </summary>
public interface IContactSource
{
    /// <summary>The newcomer's name and caseworker, or null when Profiles does not know the newcomer (any more).</summary>
    Task<NewcomerContact?> OfAsync(string newcomerId, CancellationToken cancellationToken);
}
