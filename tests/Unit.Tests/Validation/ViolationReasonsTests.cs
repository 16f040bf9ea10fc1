using System.Reflection;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Unit.Tests.Validation;

/// <summary>The reason codes of field violations: one list in the code, the same list in docs/api.md, and kept on every violation an error reports.</summary>
public sealed partial class ViolationReasonsTests
{
    [GeneratedRegex(@"^\| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    [GeneratedRegex("^[A-Z]+(_[A-Z]+)*$")]
    private static partial Regex UpperSnakeCase();

    /// <summary>The codes in the table of the reason codes section of docs/api.md.</summary>
    private static List<string> Documented()
    {
        var api = File.ReadAllText(Path.Combine(Newcomers.TestSupport.Repository.Root, "docs", "api.md"));
        var start = api.IndexOf("### Reason codes", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/api.md has no section '### Reason codes'");
        var end = api.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? api[start..] : api[start..end];
        return CodeRow().Matches(section).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void Every_code_is_documented_and_every_documented_code_exists()
    {
        var documented = Documented();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal([], ViolationReasons.All.Except(documented));
        Assert.Equal([], documented.Except(ViolationReasons.All));
    }

    [Fact]
    public void All_holds_every_constant_once_each_in_upper_snake_case()
    {
        var constants = typeof(ViolationReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Order(), ViolationReasons.All.Order());
        Assert.Equal(ViolationReasons.All.Count, ViolationReasons.All.Distinct().Count());
        Assert.All(ViolationReasons.All, code => Assert.Matches(UpperSnakeCase(), code));
    }

    [Fact]
    public void The_violations_an_error_keeps_keep_their_reasons()
    {
        var v = new Violations();
        for (var i = 0; i < Errors.MaxReportedViolations + 5; i++) v.Add($"requests[{i}].opportunity.capacity", ViolationReasons.OutOfRange, "between 1 and 1000");

        var error = Assert.Throws<RpcException>(v.ThrowIfAny);

        var status = error.GetRpcStatus()!;
        var reported = status.GetDetail<BadRequest>().FieldViolations;
        Assert.Equal(Errors.MaxReportedViolations, reported.Count);
        Assert.All(reported, f => Assert.Equal(ViolationReasons.OutOfRange, f.Reason));
        Assert.Equal("25", status.GetDetail<ErrorInfo>().Metadata["total"]);
    }
}
