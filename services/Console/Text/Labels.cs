using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>The API's values in the words of the console: short Dutch, as a caseworker says them.</summary>
public static class Labels
{
    public static string Of(CefrLevel level) => level == CefrLevel.Unspecified ? "onbekend" : level.ToString();

    public static string Of(Leerroute route) => route switch
    {
        Leerroute.B1 => "B1-route",
        Leerroute.Onderwijs => "Onderwijsroute",
        Leerroute.Z => "Z-route",
        _ => "onbekend",
    };

    public static string Of(PipGoal goal) => goal switch
    {
        PipGoal.Work => "Werk",
        PipGoal.Volunteering => "Vrijwilligerswerk",
        PipGoal.Education => "Onderwijs",
        PipGoal.Entrepreneurship => "Ondernemen",
        PipGoal.Buddy => "Taalmaatje",
        _ => "onbekend",
    };

    public static string Of(NewcomerStatus status) => status switch
    {
        NewcomerStatus.Paused => "Gepauzeerd",
        NewcomerStatus.Closed => "Afgesloten",
        _ => "Actief",
    };

    public static string Of(OpportunityKind kind) => kind switch
    {
        OpportunityKind.WorkPlacement => "Werkplek",
        OpportunityKind.Volunteering => "Vrijwilligerswerk",
        OpportunityKind.LanguageBuddy => "Taalmaatje",
        _ => "onbekend",
    };

    public static string Of(MatchState state) => state switch
    {
        MatchState.Suggested => "Gesuggereerd",
        MatchState.Proposed => "Voorgesteld",
        MatchState.Accepted => "Geaccepteerd",
        MatchState.Declined => "Afgewezen",
        MatchState.Started => "Gestart",
        MatchState.Completed => "Afgerond",
        MatchState.Ended => "Gestopt",
        _ => "onbekend",
    };

    public static string Of(Response response) => response switch
    {
        Response.Accepted => "ja",
        Response.Declined => "nee",
        _ => "nog geen antwoord",
    };

    public static string Of(Party party) => party switch
    {
        Party.Provider => "de aanbieder",
        Party.Newcomer => "de nieuwkomer",
        Party.Caseworker => "de klantmanager",
        _ => "onbekend",
    };

    /// <summary>Why a match was declined or ended, as the werkbedrijf says it (the list in docs/api.md).</summary>
    public static string Of(EndReason reason) => reason switch
    {
        EndReason.HealthOrCare => "Gezondheid of zorgtaken",
        EndReason.Moved => "Verhuisd",
        EndReason.PaidWork => "Betaald werk gevonden",
        EndReason.Education => "Begonnen met een opleiding",
        EndReason.Schedule => "Dagen of tijden passen niet",
        EndReason.Travel => "Reizen is te ver of te duur",
        EndReason.Language => "Nederlands is nog te moeilijk",
        EndReason.PlaceUnavailable => "De plek is al vervuld of vervalt",
        EndReason.NoFit => "Past niet op de werkvloer",
        EndReason.NoShow => "Nieuwkomer kwam niet opdagen",
        EndReason.ProviderStopped => "De aanbieder stopt",
        EndReason.Other => "Anders",
        _ => "niet vastgelegd",
    };

    public static string Of(EducationLevel level) => level switch
    {
        EducationLevel.None => "Geen opleiding",
        EducationLevel.Primary => "Basisonderwijs",
        EducationLevel.Secondary => "Voortgezet onderwijs",
        EducationLevel.Vocational => "Beroepsopleiding (mbo)",
        EducationLevel.Bachelor => "Hbo of bachelor",
        EducationLevel.MasterOrHigher => "Master of hoger",
        _ => "Onbekend",
    };

    public static string Of(TravelMode mode) => mode switch
    {
        TravelMode.Walk => "Lopen",
        TravelMode.Bicycle => "Fiets",
        TravelMode.PublicTransport => "Openbaar vervoer",
        TravelMode.Car => "Auto",
        _ => "onbekend",
    };

    public static string Of(Gender gender) => gender switch
    {
        Gender.Female => "Vrouw",
        Gender.Male => "Man",
        Gender.Other => "Anders",
        _ => "Geen voorkeur",
    };

    public static string Of(ProviderKind kind) => kind switch
    {
        ProviderKind.Employer => "Werkgever",
        ProviderKind.Ondernemersladder => "Ondernemersladder",
        ProviderKind.VolunteerOrganisation => "Vrijwilligersorganisatie",
        ProviderKind.Platform => "Vrijwilligersplatform",
        _ => "onbekend",
    };

    private static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    private static readonly string[] Parts = ["ochtend", "middag", "avond"];

    /// <summary>"dinsdagmiddag".</summary>
    public static string Of(DayPart part) => part == DayPart.Unspecified ? "onbekend" : Days[((int)part - 1) / 3] + Parts[((int)part - 1) % 3];

    /// <summary>How many candidates a hard constraint removed, in words ("12 te ver weg").</summary>
    public static string Removed(Constraint constraint, int count) => constraint switch
    {
        Constraint.OpenWithCapacity => $"{count} vol, gesloten of voorbij de einddatum",
        Constraint.TravelDistance => $"{count} te ver weg",
        Constraint.DutchLevel => $"{count} vragen meer Nederlands",
        Constraint.Availability => $"{count} op andere momenten in de week",
        Constraint.NotDeclinedBefore => $"{count} eerder afgewezen of al voorgesteld",
        Constraint.BuddyPreference => $"{count} passen niet bij de wens voor een taalmaatje",
        Constraint.Consent => $"{count} zonder toestemming of niet actief",
        Constraint.RequestFilter => $"{count} buiten de gekozen filters",
        _ => $"{count} om een andere reden",
    };
}
