using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// At start, ranks with the promoted model if there is one. A fresh install has none: then a first
/// model is trained from the outcome simulator in the background (the heuristic ranks meanwhile)
/// and promoted if it beats the heuristic. Turned off with Matching:BootstrapModel=false.
/// </summary>
public sealed class ModelBootstrap(ModelRegistry registry, ModelTraining training, IOptions<MatchingOptions> options, ILogger<ModelBootstrap> logger)
    : BackgroundService
{
    /// <summary>The promoted model is loaded before the host serves its first request.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await registry.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.Current is not null || !options.Value.BootstrapModel) return;
        try
        {
            var version = await training.TrainAsync(TrainingSource.Simulator, 42, options.Value.BootstrapGroups, _ => Task.CompletedTask, stoppingToken);
            logger.LogInformation("Bootstrap model {Model} trained on simulated outcomes: {Decision}", version.Id, version.Decision);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Training the bootstrap model failed ({ExceptionType}); the heuristic ranks", exception.GetType().Name);
        }
    }
}
