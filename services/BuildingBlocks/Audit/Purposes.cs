namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The purposes for which personal data is read.</summary>
public static class Purposes
{
    public const string CaseManagement = "case management";
    public const string Matching = "matching";
    public const string FollowUp = "match follow-up";
    public const string FairnessAudit = "fairness audit";
    public const string ReadModel = "read model rebuild";
    public const string RightOfAccess = "right of access";
    public const string Monitoring = "monitoring figures";
}
