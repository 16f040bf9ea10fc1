namespace Newcomers.Matching.Domain;

/// <summary>Something with a place on the map, as the read model's spatial grid keeps it.</summary>
public interface ILocated
{
    string Id { get; }
    double Latitude { get; }
    double Longitude { get; }
}
