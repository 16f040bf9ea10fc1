using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.TestSupport;

namespace Newcomers.Console.Tests;

/// <summary>
/// The standalone host with the demo region and the demo sign-in, as its own process, and Debian's
/// Chromium driven by Playwright (no browser download). Shared by the browser tests of one collection.
/// </summary>
public sealed class ConsoleWorld : IAsyncLifetime
{
    private IPlaywright? playwright;

    public ServiceUnderTest Host { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The host's local key, as its appsettings.json publishes it: tests mint tokens with it to set up and check through gRPC.</summary>
    public static AuthOptions Auth { get; } = new() { SigningKey = AuthOptions.PublishedDemoKey };

    public string Url(string path) => $"{Host.HttpAddress}/{path.TrimStart('/')}";

    public async Task InitializeAsync()
    {
        Host = await ServiceUnderTest.StandaloneHostAsync("--Demo:Seed=true", "--Demo:SignIn=true", "--Matching:BootstrapModel=false",
            $"--Storage:DataDirectory={Directory.CreateTempSubdirectory("console-test-").FullName}");
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(playwright);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A fresh browser session (its own cookies) at a laptop's 1366×768, or at a phone's 390 pixels wide.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 768 },
            Locale = "nl-NL", TimezoneId = "Europe/Amsterdam",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with the demo sign-in as a role, for a municipality or provider.</summary>
    public async Task<IPage> SignedInAsync(string role, string scope, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await page.GotoAsync(Url("/aanmelden"));
        await SignInAsync(page, role, scope);
        return page;
    }

    public static async Task SignInAsync(IPage page, string role, string scope)
    {
        await page.GetByLabel(RoleText(role), new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Gemeente (CBS-code) of aanbieder (id)").FillAsync(scope);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/aanmelden", StringComparison.Ordinal));
    }

    private static string RoleText(string role) => role switch
    {
        Roles.Caseworker => "Klantmanager",
        Roles.Coordinator => "Coördinator taalmaatjes",
        Roles.Provider => "Aanbieder",
        Roles.Policy => "Beleid",
        _ => "Functioneel beheerder",
    };

    /// <summary>Saves a screenshot of the whole page under artifacts/screenshots, to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Runs axe-core on the page (WCAG 2.1 A and AA) and fails with every violation found.</summary>
    public static async Task ExpectAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var found = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}").ToList();
        Assert.True(found.Count == 0, $"axe found {found.Count} violations on {page.Url}:\n{string.Join('\n', found)}");
    }

    /// <summary>Screenshot and axe: every page the tests visit is looked at both ways.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await ExpectAccessibleAsync(page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleWorld>
{
    public const string Name = "console";
}
