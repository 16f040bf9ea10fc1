using Google.Rpc;
using Grpc.Core;
using Newcomers.Console.Text;

namespace Newcomers.Console.Services;

/// <summary>What went wrong with a call, in Dutch: one message, and one per field the API named.</summary>
public sealed record ApiProblem(StatusCode Status, string Message, IReadOnlyDictionary<string, string> Fields)
{
    public static ApiProblem From(RpcException exception)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (exception.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest)
            foreach (var violation in badRequest.FieldViolations)
                fields.TryAdd(violation.Field, ViolationText.Dutch(violation));
        var precondition = exception.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Type;
        return new(exception.StatusCode, precondition is null ? Describe(exception.StatusCode, fields.Count) : Why(precondition), fields);
    }

    /// <summary>Why something cannot be done now, by the API's precondition type.</summary>
    private static string Why(string type) => type switch
    {
        "NO_PLACE_LEFT" => "Deze plek is vol, gesloten of voorbij de einddatum.",
        "NO_CONSENT" => "De nieuwkomer heeft geen toestemming gegeven om gematcht te worden, of is nu niet actief.",
        "NOT_ACCEPTED" => "Dat kan pas als beide kanten ja hebben gezegd.",
        "NO_SHARING_CONSENT" => "De nieuwkomer heeft geen toestemming gegeven om naam en contact te delen.",
        "ILLEGAL_TRANSITION" => "Deze stap past niet bij de stand van de match. Laad de pagina opnieuw.",
        "NOT_ENOUGH_OUTCOMES" => "Er zijn nog te weinig uitkomsten om op te trainen. Train eerst op de simulator.",
        "TRAINING_IN_PROGRESS" or "EVALUATION_IN_PROGRESS" => "Er loopt al een training of meting. Probeer het straks opnieuw.",
        "NO_FAIRNESS_AUDIT_CONSENT" => "De nieuwkomer heeft geen toestemming gegeven voor de controle op eerlijkheid.",
        "PROVIDER_HAS_OPPORTUNITIES" => "Deze aanbieder heeft nog plekken. Sluit of verwijder die eerst.",
        _ => Describe(StatusCode.FailedPrecondition, 0),
    };

    /// <summary>What the console itself found wrong before calling (a number that is not one), per API field.</summary>
    public static ApiProblem Local(IReadOnlyDictionary<string, string> fields) => new(StatusCode.InvalidArgument, Describe(StatusCode.InvalidArgument, fields.Count), fields);

    /// <summary>The message beside a form field, if the API named it (or a field under it).</summary>
    public string? For(string field) =>
        Fields.TryGetValue(field, out var text) ? text
        : Fields.FirstOrDefault(f => f.Key.StartsWith(field + ".", StringComparison.Ordinal) || f.Key.StartsWith(field + "[", StringComparison.Ordinal)).Value;

    public bool IsStale => Status == StatusCode.Aborted;

    private static string Describe(StatusCode status, int fields) => status switch
    {
        StatusCode.InvalidArgument when fields == 1 => "Eén gegeven klopt nog niet. Verbeter het en probeer het opnieuw.",
        StatusCode.InvalidArgument => $"{fields} gegevens kloppen nog niet. Verbeter ze en probeer het opnieuw.",
        StatusCode.Aborted => "Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie en doe uw wijziging opnieuw.",
        StatusCode.NotFound => "Dit bestaat niet (meer), of u heeft er geen toegang toe.",
        StatusCode.PermissionDenied => "Dit mag u niet doen met uw rol.",
        StatusCode.AlreadyExists => "Dit bestaat al.",
        StatusCode.FailedPrecondition => "Dit kan nu niet.",
        StatusCode.Unauthenticated => "Uw sessie is verlopen. Meld u opnieuw aan.",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "De dienst is even niet bereikbaar. Probeer het zo opnieuw.",
        _ => "Er ging iets mis. Probeer het opnieuw.",
    };
}
