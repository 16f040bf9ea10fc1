using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Storage;

/// <summary>The Profiles service's own store.</summary>
public sealed class ProfileStore(IDocumentStoreFactory factory, Markers markers, IEventBus bus, ILogger<ProfileStore> logger)
    : ServiceStore(factory.Open(Service), markers, bus, logger)
{
    /// <summary>The store's name: its SQLite file is profiles.db, its Redis keys start with "profiles:".</summary>
    public const string Service = "profiles";

    public static readonly DocumentCollection<Newcomer> Newcomers = new("newcomers", n => n.Id,
        n => [new IndexEntry("municipality", n.MunicipalityCode), new IndexEntry("caseworker", n.CaseworkerId)]);

    public static readonly DocumentCollection<ProtectedAttributes> ProtectedAttributes = new("protected_attributes", p => p.NewcomerId);

    /// <summary>The postcode table: one document per four-digit postcode (<see cref="PostcodeTable"/>).</summary>
    public static readonly DocumentCollection<Postcode> Postcodes = new("postcodes", p => p.Postcode_);

    /// <summary>
    /// Adds a write of the newcomer, based on the stored one (null on create), with the history entries
    /// of the change to its status and Dutch level (<see cref="NewcomerHistory"/>): every writer of a
    /// newcomer goes through here, so no change escapes the history.
    /// </summary>
    public static ChangeSet PutNewcomer(ChangeSet changes, Newcomer newcomer, Newcomer? stored)
    {
        Newcomers.Put(changes, newcomer, stored?.Version ?? 0);
        return NewcomerHistory.Append(changes, stored, newcomer);
    }

    /// <summary>Unique key that marks the MAP hours of a match as credited.</summary>
    public static string MapCreditKey(string matchId) => $"map-credit:{matchId}";
}
