using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using Newcomers.BuildingBlocks.Api;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>The OpenAPI document that the host serves: valid OpenAPI, with every transcoded route in it, and the page that renders it.</summary>
public sealed class OpenApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_and_lists_every_route_of_the_annotations()
    {
        using var client = Rest.Client(fixture.Host, null);
        using var response = await client.GetAsync(RestApi.DocumentPath);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var document = new OpenApiStreamReader().Read(await response.Content.ReadAsStreamAsync(), out var diagnostic);

        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()).Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.StartsWith("3.0", diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
        var routes = Routes(OpportunityService.Descriptor).Concat(Routes(MatchingService.Descriptor)).ToList();
        Assert.Equal(22, routes.Count); // 19 RPCs, three with a second path
        foreach (var (method, path, summary) in routes)
        {
            // Paths that differ only in parameter names are one path in OpenAPI (EquivalentPathsFilter).
            var item = document.Paths.SingleOrDefault(p => Signature(p.Key) == Signature(path)).Value;
            Assert.True(item is not null, $"{path} is not in the document");
            var operation = item.Operations.FirstOrDefault(o => o.Key.ToString().Equals(method, StringComparison.OrdinalIgnoreCase)).Value;
            Assert.True(operation is not null, $"{method} {path} is not in the document");
            Assert.Equal(summary, string.Join(' ', (operation.Summary ?? "").Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)));
        }
        Assert.Contains("bearer", document.Components.SecuritySchemes.Keys);
    }

    [Fact]
    public async Task Swagger_UI_renders_the_document_on_the_HTTP_port_beside_the_console()
    {
        using var client = Rest.Client(fixture.Host, null);

        var page = await client.GetStringAsync(RestApi.PagePath + "/index.html");
        var settings = await client.GetStringAsync(RestApi.PagePath + "/index.js");

        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
        Assert.Contains(RestApi.DocumentPath, settings, StringComparison.Ordinal);
        using var unknown = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Host.HttpAddress) }.GetAsync("/geen-pagina");
        Assert.Equal("/niet-gevonden", unknown.Headers.Location?.OriginalString);
    }

    /// <summary>Every binding of the service's google.api.http annotations, as the document names it: method, path with lowerCamelCase fields, and the RPC's comment.</summary>
    private static IEnumerable<(string Method, string Path, string Summary)> Routes(ServiceDescriptor service)
    {
        foreach (var method in service.Methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule) continue;
            foreach (var binding in new[] { rule }.Concat(rule.AdditionalBindings))
            {
                var (verb, path) = binding.PatternCase switch
                {
                    HttpRule.PatternOneofCase.Get => ("get", binding.Get),
                    HttpRule.PatternOneofCase.Post => ("post", binding.Post),
                    HttpRule.PatternOneofCase.Patch => ("patch", binding.Patch),
                    HttpRule.PatternOneofCase.Delete => ("delete", binding.Delete),
                    _ => throw new InvalidOperationException($"{method.Name}: {binding.PatternCase}"),
                };
                yield return (verb, System.Text.RegularExpressions.Regex.Replace(path, "_([a-z])", m => m.Groups[1].Value.ToUpperInvariant()),
                    Comment(method));
            }
        }
    }

    private static string Signature(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "{}");

    /// <summary>The RPC's leading comment in the .proto, joined into one line as the document shows it.</summary>
    private static string Comment(MethodDescriptor method)
    {
        var file = Path.Combine(TestSupport.Repository.Root, "protos", method.File.Name);
        var lines = File.ReadAllLines(file);
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"rpc {method.Name}(", StringComparison.Ordinal));
        var comment = new List<string>();
        for (var i = at - 1; i >= 0 && lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal); i--) comment.Insert(0, lines[i].Trim()[2..].Trim());
        return string.Join(' ', comment);
    }
}
