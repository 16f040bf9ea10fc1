using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Api;

/// <summary>Protected attributes for the matching service's fairness report (<see cref="Fairness.AttributesForAudit"/>).</summary>
public sealed partial class ProfilesApi
{
    public const int MaxAuditReason = 200;

    public override async Task StreamProtectedAttributesForAudit(StreamProtectedAttributesForAuditRequest request, IServerStreamWriter<ProtectedAttributes> responseStream,
        ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        new Violations().Text(request.Reason, "reason", MaxAuditReason, required: true)
            .Check(request.Reason.Trim().Length >= 3 || string.IsNullOrWhiteSpace(request.Reason), "reason", ViolationReasons.OutOfRange, "3 to 200 characters")
            .ThrowIfAny();
        foreach (var attributes in await attributesForAudit.ReadAsync(caller, request.Reason.Trim(), context.CancellationToken))
            await responseStream.WriteAsync(attributes, context.CancellationToken);
    }
}
