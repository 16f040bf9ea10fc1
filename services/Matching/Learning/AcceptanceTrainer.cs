using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The acceptance model: a LightGBM binary classifier on the ranking's features, learning whether a
/// proposed pair is accepted or better, and a Platt calibrator fitted on proposals the trees never
/// saw. Its figures come from a third set, held out from both. Only answered proposals count: the
/// quality a cohort needs is the chance that a pair it proposes is accepted, not that a pair shown
/// is taken up.
/// </summary>
public sealed class AcceptanceTrainer(int seed = 1)
{
    private readonly MLContext ml = new(seed);

    /// <summary>Answered proposals needed to train the trees; the calibration and the check need <see cref="MinimumHeldOut"/> each.</summary>
    public const int MinimumPairs = 100;

    public const int MinimumHeldOut = 25;

    public MLContext Context => ml;

    /// <summary>
    /// From the run's training pairs (split again: most train the trees, the rest calibrate) and its
    /// held-out pairs (the check): the description for the model version, and the zip to serve when it
    /// gives the quality (null otherwise).
    /// </summary>
    public (AcceptanceModel Description, byte[]? Zip) Run(IReadOnlyList<LabelledPair> train, IReadOnlyList<LabelledPair> heldOut, string name, string data)
    {
        var (fit, calibration) = LabelledPairs.SplitForCalibration(LabelledPairs.Proposals(train));
        var test = LabelledPairs.Proposals(heldOut);
        var description = new AcceptanceModel { Name = name, Data = data, TrainingPairs = fit.Count, CalibrationPairs = calibration.Count, TestPairs = test.Count };
        static bool BothAnswers(List<LabelledPair> pairs) => pairs.Any(p => p.Proposal!.Accepted) && pairs.Any(p => !p.Proposal!.Accepted);
        if (fit.Count < MinimumPairs || calibration.Count < MinimumHeldOut || test.Count < MinimumHeldOut || !BothAnswers(fit) || !BothAnswers(calibration))
        {
            description.Decision = $"not trained: {fit.Count} answered proposals to train on (at least {MinimumPairs}), {calibration.Count} to calibrate on and " +
                $"{test.Count} to test on (at least {MinimumHeldOut} each), with both answers among those trained and calibrated on; the heuristic's score stays the quality";
            return (description, null);
        }

        var clock = Stopwatch.StartNew();
        var model = Train(fit.Select(p => p.AcceptanceRow()), calibration.Select(p => p.AcceptanceRow()));
        description.TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2);
        // Measured with the fast path that serves, so the figures are those of the probabilities a cohort gets.
        var quality = AcceptanceQuality.From(name, model);
        CalibrationCheck.Measure(test.Select(p => (quality.Quality(p.Features), p.Proposal!.Accepted)).ToList(), description);
        (description.PlattSlope, description.PlattOffset) = quality.Platt;
        description.GivesQuality = description.Brier < description.BaseRateBrier;
        description.Decision = description.GivesQuality
            ? $"gives the pair quality: Brier {description.Brier:0.0000} against the base rate's {description.BaseRateBrier:0.0000}, " +
              $"ECE {description.ExpectedCalibrationError:0.0000}, on {test.Count} held-out proposals"
            : $"kept back: Brier {description.Brier:0.0000} is not under the base rate's {description.BaseRateBrier:0.0000} on {test.Count} held-out proposals; " +
              "the heuristic's score stays the quality";
        return (description, description.GivesQuality ? Save(model) : null);
    }

    /// <summary>The trees on <paramref name="fit"/>, then Platt's sigmoid on their raw score fitted on <paramref name="calibration"/>.</summary>
    public ITransformer Train(IEnumerable<AcceptanceRow> fit, IEnumerable<AcceptanceRow> calibration, int trees = 100, int leaves = 31, int minRowsPerLeaf = 50, double learningRate = 0.1)
    {
        var classifier = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(AcceptanceRow.Label), FeatureColumnName = nameof(AcceptanceRow.Features),
            NumberOfIterations = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRowsPerLeaf, LearningRate = learningRate,
            Seed = seed, NumberOfThreads = Environment.ProcessorCount,
        }).Fit(ml.Data.LoadFromEnumerable(fit));
        var calibrator = ml.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(AcceptanceRow.Label), scoreColumnName: "Score")
            .Fit(classifier.Transform(ml.Data.LoadFromEnumerable(calibration)));
        return classifier.Append(calibrator);
    }

    /// <summary>ML.NET's own calibrated probability for each row, as its prediction gives it.</summary>
    public float[] Probabilities(ITransformer model, IEnumerable<AcceptanceRow> rows) =>
        [.. model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Probability")];

    /// <summary>The model as an ML.NET zip.</summary>
    public byte[] Save(ITransformer model)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<AcceptanceRow>()).Schema, stream);
        return stream.ToArray();
    }
}
