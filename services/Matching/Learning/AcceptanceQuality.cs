using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.LightGbm;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// A model version's acceptance model as the pair quality: the calibrated probability that a
/// proposal of the pair is accepted or better. The classifier's trees are walked flat
/// (<see cref="TreeEnsemble"/>) and the Platt calibrator's sigmoid applied to their raw score, so
/// a pair costs one walk of the trees and one exponential, and no ML.NET prediction engine: a
/// cohort asks for about a hundred thousand.
/// </summary>
public sealed class AcceptanceQuality(string name, TreeEnsemble trees, double slope, double offset) : IPairQuality
{
    /// <summary>The quality's name for a model version: its id with "/acceptance".</summary>
    public static string NameFor(string modelId) => modelId + "/acceptance";

    public string Name => name;

    public bool IsProbability => true;

    /// <summary>The calibrator: probability = 1 / (1 + exp(slope × score + offset)).</summary>
    public (double Slope, double Offset) Platt => (slope, offset);

    public double Quality(in FitFeatures features)
    {
        Span<float> x = stackalloc float[FeatureVector.Length];
        FeatureVector.Write(features, x);
        return Quality(x);
    }

    /// <summary>The probability for a feature vector, as Platt has it: 1 / (1 + exp(slope × score + offset)).</summary>
    public double Quality(ReadOnlySpan<float> features) => 1 / (1 + Math.Exp(slope * trees.Score(features) + offset));

    /// <summary>From a model trained by <see cref="AcceptanceTrainer"/>: its classifier's trees and its Platt calibrator's slope and offset.</summary>
    public static AcceptanceQuality From(string name, ITransformer model)
    {
        // Two steps: the classifier (with LightGBM's own fixed sigmoid inside, not used) and the Platt calibrator fitted on held-out proposals.
        var steps = ((IEnumerable<ITransformer>)model).OfType<ISingleFeaturePredictionTransformer<object>>().Select(t => t.Model).ToList();
        var classifier = steps.OfType<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>().Single().SubModel;
        var platt = steps.OfType<PlattCalibrator>().Single();
        return new AcceptanceQuality(name, TreeEnsemble.Of(classifier), platt.Slope, platt.Offset);
    }

    /// <summary>From a stored zip.</summary>
    public static AcceptanceQuality Load(string name, byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        return From(name, new MLContext().Model.Load(stream, out _));
    }
}
