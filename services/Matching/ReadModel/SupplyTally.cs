using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// The raw counts of one cell of the supply and demand, before small-cell suppression: a
/// municipality, a kind, and a sector (<see cref="SupplyCell.Sector"/>) or none for the kind as a whole.
/// </summary>
public sealed class SupplyTally
{
    public int Waiting { get; set; }
    public int WaitingWithoutPlace { get; set; }
    public int OpenOpportunities { get; set; }
    public int OpenPlaces { get; set; }
    public int SuitablePlaces { get; set; }
    public int UnusedPlaces => OpenPlaces - SuitablePlaces;
}

/// <param name="Sector">An ISCO-08 major group (0 to 9), <see cref="NoOccupation"/> for opportunities without one, or <see cref="WholeKind"/>.</param>
public readonly record struct SupplyCell(string Municipality, OpportunityKind Kind, int Sector)
{
    public const int WholeKind = -1, NoOccupation = 10;

    /// <summary>Kinds whose opportunities have an occupation, and so a sector.</summary>
    public static bool HasSectors(OpportunityKind kind) => kind is OpportunityKind.WorkPlacement or OpportunityKind.Volunteering;
}
