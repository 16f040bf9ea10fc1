using System.Globalization;
using System.Text;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>The filters and the order of ListNewcomers: which newcomers a caseload shows, and in what order.</summary>
public sealed class CaseloadQuery(ListNewcomersRequest request)
{
    private readonly string name = Fold(request.NameQuery.Trim());

    /// <summary>Whether any filter beyond the index (municipality or caseworker) applies.</summary>
    public bool Filters => request.Status != NewcomerStatus.Unspecified || request.Leerroute != Leerroute.Unspecified
        || request.PipGoal != PipGoal.Unspecified || name.Length > 0;

    /// <summary>What a page token is bound to: the same filters and order, or another query.</summary>
    public string Key => string.Join('\n', "ListNewcomers", request.MunicipalityCode, request.CaseworkerId, request.Status, request.Leerroute,
        request.PipGoal, name, request.OrderBy);

    public bool Matches(Newcomer n) =>
        (request.Status == NewcomerStatus.Unspecified || StatusOf(n) == request.Status)
        && (request.Leerroute == Leerroute.Unspecified || n.Leerroute == request.Leerroute)
        && (request.PipGoal == PipGoal.Unspecified || n.PipGoals.Contains(request.PipGoal))
        && (name.Length == 0 || Fold(n.DisplayName).Contains(name, StringComparison.Ordinal));

    /// <summary>The newcomer's place in the order, as a string that sorts ordinally; ids break ties.</summary>
    public string SortKey(Newcomer n) => request.OrderBy switch
    {
        NewcomerOrder.LongestWaiting => $"{n.CreateTime?.Seconds ?? 0:D12}{n.CreateTime?.Nanos ?? 0:D9}\n{n.Id}",
        NewcomerOrder.Name => $"{Fold(n.DisplayName)}\n{n.Id}",
        _ => n.Id,
    };

    private static NewcomerStatus StatusOf(Newcomer n) => n.Status == NewcomerStatus.Unspecified ? NewcomerStatus.Active : n.Status;

    /// <summary>Lower case without accents, so "zoe" finds "Zoë".</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(char.ToLowerInvariant(c));
        return kept.ToString();
    }
}
