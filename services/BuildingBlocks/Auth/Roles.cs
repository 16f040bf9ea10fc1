namespace Newcomers.BuildingBlocks.Auth;

/// <summary>The roles a token can carry, in its "role" claim.</summary>
public static class Roles
{
    /// <summary>Werkbedrijf staff: newcomers of their municipalities ("municipality" claims) and their matches.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>Taalmaatje coordinator: language-buddy pairs of newcomers in their municipalities.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>An organisation ("provider" claim): its own opportunities; candidates only as pseudonymised summaries.</summary>
    public const string Provider = "provider";

    /// <summary>A volunteer platform ("platform" claim): the providers it represents, their opportunities and match events.</summary>
    public const string Platform = "platform";

    /// <summary>Functional administrator: everything, including the audit log and model training.</summary>
    public const string Admin = "admin";

    /// <summary>Another service of the product (service-to-service calls, such as rebuilding a read model).</summary>
    public const string Service = "service";

    public static readonly string[] All = [Caseworker, Coordinator, Provider, Platform, Admin, Service];

    /// <summary>The roles of people and the organisations they act for: every role but <see cref="Service"/>.</summary>
    public static readonly string[] People = [Caseworker, Coordinator, Provider, Platform, Admin];
}
