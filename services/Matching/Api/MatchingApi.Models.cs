using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.Api;

/// <summary>Ranking models: training, the one in force, every version, evaluation.</summary>
public sealed partial class MatchingApi
{
    public override async Task TrainModel(TrainModelRequest request, IServerStreamWriter<TrainModelProgress> responseStream, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Admin);
        new Violations().Check(Rules.Defined(request.Source), "source", ViolationReasons.InvalidChoice, "required: TRAINING_SOURCE_SIMULATOR or TRAINING_SOURCE_OUTCOMES")
            .Check(request.Seed >= 0, "seed", ViolationReasons.OutOfRange, "0 or more (0 means 42)")
            .Check(request.Groups is >= 0 and <= 50_000, "groups", ViolationReasons.OutOfRange, "between 0 and 50000 (0 means 10000)")
            .ThrowIfAny();
        await training.TrainAsync(request.Source, request.Seed == 0 ? 42 : request.Seed, request.Groups == 0 ? 10_000 : request.Groups,
            progress => responseStream.WriteAsync(progress, context.CancellationToken), context.CancellationToken);
    }

    /// <summary>Which model ranks, and how well it did: open to every role, so anyone shown a ranking can see what made it.</summary>
    public override Task<ModelVersion> GetModel(GetModelRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.People);
        return Task.FromResult(registry.Current?.Version ?? throw Errors.NotFound("model", "current"));
    }

    /// <summary>Every version trained, promoted or kept back, newest first (a version's id is its training time), and the one that ranks: admins only.</summary>
    public override async Task<ListModelVersionsResponse> ListModelVersions(ListModelVersionsRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        const string query = "ListModelVersions";
        new Violations().PageSize(request.PageSize).PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        var (versions, last) = await store.ListAsync(MatchStore.ModelVersions, null, Pages.Size(request.PageSize), after, descending: true,
            cancellationToken: context.CancellationToken);
        return new ListModelVersionsResponse
        {
            ModelVersions = { versions }, NextPageToken = pages.Next(caller, query, last), CurrentModelId = registry.Current?.Version.Id ?? "",
        };
    }

    /// <summary>The model card of the ranker in force, and its Algoritmeregister entry: for admins, and for policy staff, who publish it.</summary>
    public override async Task<ModelCard> GetModelCard(GetModelCardRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
        caller.Require(Roles.Admin, Roles.Policy);
        return await modelCards.WriteAsync(caller.Subject, context.CancellationToken);
    }

    public override async Task<ModelEvaluation> EvaluateModel(EvaluateModelRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Admin);
        new Violations().Check(Rules.Defined(request.Source), "source", ViolationReasons.InvalidChoice, "required: TRAINING_SOURCE_SIMULATOR or TRAINING_SOURCE_OUTCOMES")
            .Check(request.Seed >= 0, "seed", ViolationReasons.OutOfRange, "0 or more (0 means 7)")
            .Check(request.Groups is >= 0 and <= 50_000, "groups", ViolationReasons.OutOfRange, "between 0 and 50000 (0 means 2000)")
            .ThrowIfAny();
        return await training.EvaluateAsync(request.Source, request.Seed == 0 ? 7 : request.Seed, request.Groups == 0 ? 2000 : request.Groups, context.CancellationToken);
    }
}
