using System.Diagnostics;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;

// An admin's token comes from --token or the MATCHING_TOKEN environment variable.
// matching-model train    [--address http://127.0.0.1:5080] [--source simulator|outcomes] [--seed N] [--groups N]
// matching-model evaluate [--address http://127.0.0.1:5080] [--source simulator|outcomes] [--seed N] [--groups N]
// matching-model letor    --path DIR   (rank.train, rank.test and their .query files)
// matching-model card     [--address http://127.0.0.1:5080] [--out docs]   (model-card.example.md and .json from GetModelCard)
var verb = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;
var source = Option("source", "simulator") == "outcomes" ? TrainingSource.Outcomes : TrainingSource.Simulator;
var (seed, groups) = (int.Parse(Option("seed", "0")), int.Parse(Option("groups", "0")));
var token = Option("token", Environment.GetEnvironmentVariable("MATCHING_TOKEN") ?? "");

try
{
    switch (verb)
    {
        case "train":
        {
            using var channel = BearerChannel.For(Option("address", "http://127.0.0.1:5080"), token);
            var client = new MatchingService.MatchingServiceClient(channel);
            using var call = client.TrainModel(new TrainModelRequest { Source = source, Seed = seed, Groups = groups });
            ModelVersion? version = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var progress = call.ResponseStream.Current;
                var bar = new string('#', (int)(progress.Fraction * 20)).PadRight(20, '.');
                Console.WriteLine($"[{bar}] {progress.Fraction,4:P0} {progress.Stage,-10} {progress.Message}");
                version = progress.Model ?? version;
            }
            if (version is null) return 1;
            Console.WriteLine($"\nmodel {version.Id}: {version.TrainingPairs} pairs in {version.TrainingGroups} groups, trained in {version.TrainingSeconds:0.0} s");
            Print(version.Evaluation);
            Console.WriteLine(version.Decision);
            PrintAcceptance(version.Acceptance);
            return 0;
        }
        case "evaluate":
        {
            using var channel = BearerChannel.For(Option("address", "http://127.0.0.1:5080"), token);
            var client = new MatchingService.MatchingServiceClient(channel);
            var model = await client.GetModelAsync(new GetModelRequest());
            Console.WriteLine($"model {model.Id} ({model.Source}, {model.TrainingPairs} pairs)");
            Print(await client.EvaluateModelAsync(new EvaluateModelRequest { Source = source, Seed = seed, Groups = groups }));
            return 0;
        }
        case "card":
        {
            using var channel = BearerChannel.For(Option("address", "http://127.0.0.1:5080"), token);
            var card = await new MatchingService.MatchingServiceClient(channel).GetModelCardAsync(new GetModelCardRequest());
            var folder = Option("out", "docs");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "model-card.example.md"), card.Markdown);
            await File.WriteAllTextAsync(Path.Combine(folder, "model-card.example.json"), card.RegisterJson + "\n");
            Console.WriteLine($"model card of {card.Ranker}: {Path.Combine(folder, "model-card.example.md")} and {Path.Combine(folder, "model-card.example.json")}");
            return 0;
        }
        case "letor":
            return Letor(Option("path", Path.Combine("..", "shared", "data", "letor")));
        default:
            Console.WriteLine("usage: matching-model train|evaluate [--token JWT] [--address URL] [--source simulator|outcomes] [--seed N] [--groups N]\n       matching-model card [--token JWT] [--address URL] [--out DIR]\n       matching-model letor --path DIR");
            return verb == "help" ? 0 : 2;
    }
}
catch (RpcException e)
{
    Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
    return 1;
}

static void Print(ModelEvaluation e)
{
    Console.WriteLine($"\nevaluated on {e.Data} ({e.Groups} request groups)");
    Console.WriteLine($"{"ranking",-16}{"NDCG@1",8}{"NDCG@3",8}{"NDCG@10",9}");
    void Row(string name, RankingMetrics? m)
    {
        if (m is not null) Console.WriteLine($"{name,-16}{m.NdcgAt1,8:0.000}{m.NdcgAt3,8:0.000}{m.NdcgAt10,9:0.000}");
    }
    Row("model", e.Model);
    Row("current model", e.PreviousModel);
    Row("heuristic", e.Heuristic);
    Row("random", e.Random);
}

static void PrintAcceptance(AcceptanceModel? a)
{
    if (a is null) return;
    Console.WriteLine($"\nacceptance model {a.Name}: {a.Decision}");
    if (a.Reliability.Count == 0) return;
    Console.WriteLine($"{a.TrainingPairs} answered proposals trained the trees, {a.CalibrationPairs} calibrated them, {a.TestPairs} tested them ({a.Data}), in {a.TrainingSeconds:0.0} s");
    Console.WriteLine($"base rate {a.BaseRate:0.000}  Brier {a.Brier:0.0000} (base rate's {a.BaseRateBrier:0.0000})  ECE {a.ExpectedCalibrationError:0.0000}  log loss {a.LogLoss:0.0000}");
    Console.WriteLine($"{"predicted",-12}{"pairs",8}{"mean predicted",16}{"observed",10}");
    foreach (var b in a.Reliability) Console.WriteLine($"{$"{b.Lower:0.0}-{b.Upper:0.0}",-12}{b.Pairs,8}{b.MeanPredicted,16:0.000}{b.ObservedRate,10:0.000}");
}

static int Letor(string directory)
{
    var train = LetorFile.Read(Path.Combine(directory, "rank.train"));
    var test = LetorFile.Read(Path.Combine(directory, "rank.test"));
    var length = 1 + train.Concat(test).SelectMany(r => r.Values.Keys).Max();
    var trainer = new RankingTrainer(seed: 1);
    var clock = Stopwatch.StartNew();
    var model = trainer.Train(LetorFile.Load(trainer.Context, train, length, 0), trees: 100, leaves: 31, minRowsPerLeaf: 50, learningRate: 0.1);
    Console.WriteLine($"trained on {train.Count} rows ({train.Select(r => r.Group).Distinct().Count()} queries, {length} features) in {clock.Elapsed.TotalSeconds:0.0} s");
    var testData = LetorFile.Load(trainer.Context, test, length, 1_000_000);
    var mlnet = trainer.Evaluate(model, testData);
    var lightgbm = trainer.Evaluate(model, testData, "0,1,3,7,15");
    Console.WriteLine($"rank.test ({test.Select(r => r.Group).Distinct().Count()} queries), NDCG@10:");
    Console.WriteLine($"  with LightGBM's label gains (2^label - 1): {lightgbm.Ndcg10:0.000}   (the data's README: about 0.71-0.76 for LightGBM itself, 0.58 for a random order)");
    Console.WriteLine($"  with ML.NET's default label gains (0,3,7,15,31): {mlnet.Ndcg10:0.000}");
    return 0;
}
