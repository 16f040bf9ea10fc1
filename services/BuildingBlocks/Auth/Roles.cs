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

    /// <summary>
    /// Policy staff (beleid; the wethouder's staff): the monitoring figures of their municipalities
    /// ("municipality" claims), aggregates only, and the model card they publish in the
    /// Algoritmeregister; nothing about any one person or organisation.
    /// </summary>
    public const string Policy = "policy";

    /// <summary>Functional administrator: everything, including the audit log and model training.</summary>
    public const string Admin = "admin";

    /// <summary>Another service of the product (service-to-service calls, such as rebuilding a read model).</summary>
    public const string Service = "service";

    public static readonly string[] All = [Caseworker, Coordinator, Provider, Platform, Policy, Admin, Service];

    /// <summary>
    /// The roles of people who work with single records, and the organisations they act for: every
    /// role but <see cref="Service"/> and <see cref="Policy"/>, which sees aggregates only.
    /// </summary>
    public static readonly string[] People = [Caseworker, Coordinator, Provider, Platform, Admin];

    /// <summary>The roles that may read single records of organisations (providers, opportunities): every role but <see cref="Policy"/>.</summary>
    public static readonly string[] Records = [.. People, Service];

    /// <summary>Who may see the monitoring figures of a municipality: its policy staff, caseworkers and coordinators, and admins.</summary>
    public static readonly string[] Monitoring = [Policy, Caseworker, Coordinator, Admin];
}
