using System.Text.RegularExpressions;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// Merges paths that differ only in their parameters' names into one, as OpenAPI requires:
/// <c>PATCH /v1/providers/{provider.id}</c> and <c>GET /v1/providers/{id}</c> are one path. The
/// shorter names are kept; a renamed parameter's description says which request field it sets.
/// </summary>
public sealed partial class EquivalentPathsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        foreach (var group in swaggerDoc.Paths.Keys.GroupBy(Signature).Where(g => g.Count() > 1).ToList())
        {
            var kept = group.OrderBy(p => p.Length).First();
            var names = Parameter().Matches(kept).Select(m => m.Groups[1].Value).ToList();
            foreach (var other in group.Where(p => p != kept))
            {
                var renames = Parameter().Matches(other).Select((m, i) => (From: m.Groups[1].Value, To: names[i])).ToList();
                foreach (var (method, operation) in swaggerDoc.Paths[other].Operations)
                {
                    foreach (var parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Path))
                    {
                        var (from, to) = renames.Single(r => r.From == parameter.Name);
                        parameter.Description = $"Sets {from}. {parameter.Description}".TrimEnd();
                        parameter.Name = to;
                    }
                    if (!swaggerDoc.Paths[kept].Operations.TryAdd(method, operation))
                        throw new InvalidOperationException($"{method} {other} and {method} {kept} are the same route");
                }
                swaggerDoc.Paths.Remove(other);
            }
        }
    }

    private static string Signature(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Parameter();
}
