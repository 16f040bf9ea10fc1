using Microsoft.Extensions.Options;
using Newcomers.Matching.Domain;

namespace Newcomers.Benchmarks;

/// <summary>Matching settings that never change, for matching in process without a host.</summary>
public sealed class FixedOptions(MatchingOptions value) : IOptionsMonitor<MatchingOptions>
{
    public MatchingOptions CurrentValue => value;

    public MatchingOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<MatchingOptions, string?> listener) => null;
}
