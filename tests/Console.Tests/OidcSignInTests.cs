using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>Signing in through the real OIDC provider of the tests (node-oidc-provider), with the authorization code flow and PKCE.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const int TokenSeconds = 15;
    private OidcProvider oidc = default!;
    private ServiceUnderTest host = default!;
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var console = $"http://127.0.0.1:{port}";
        oidc = await OidcProvider.StartAsync(new OidcOptions
        {
            Users =
            [
                new OidcUser("k.jansen", "geheim-wachtwoord", "Karin Jansen", Roles.Caseworker, Municipalities: ["GM0342"]),
                new OidcUser("m.bakker", "beleid-wachtwoord", "Mila Bakker", Roles.Policy, Municipalities: ["GM0342", "GM0308"]),
            ],
            WebClients = [new OidcWebClient("console", "console-secret", [$"{console}/signin-oidc"], [$"{console}/signout-callback-oidc"])],
            AccessTokenSeconds = TokenSeconds,
        });
        try
        {
            // The demo sign-in is asked for too: with an authority it must stay off.
            host = await ServiceUnderTest.StandaloneHostAsync(port, "--Demo:SignIn=true", "--Matching:BootstrapModel=false",
                $"--Auth:Authority={oidc.Issuer}", "--Auth:RequireHttpsMetadata=false", "--Console:ClientId=console", "--Console:ClientSecret=console-secret",
                $"--Storage:DataDirectory={Directory.CreateTempSubdirectory("console-oidc-").FullName}");
        }
        catch
        {
            await oidc.DisposeAsync(); // xunit does not dispose what failed to initialise
            throw;
        }
        playwright = await Playwright.CreateAsync();
        browser = await ConsoleWorld.LaunchAsync(playwright);
    }

    [Fact]
    public async Task A_caseworker_signs_in_at_the_provider_comes_back_after_her_session_expired_and_signs_out()
    {
        var page = await (await browser.NewContextAsync(new() { Locale = "nl-NL" })).NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}/nieuwkomers?zoek=a");
        Assert.Contains("/aanmelden?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await ConsoleWorld.CheckPageAsync(page, "sign-in-oidc");

        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden met uw organisatie-account" }).ClickAsync();
        await page.GetByLabel("Login").FillAsync("k.jansen");
        await page.GetByLabel("Password").FillAsync("geheim-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/nieuwkomers?zoek=a", StringComparison.Ordinal));
        await Expect(page.GetByText("Karin Jansen")).ToBeVisibleAsync();
        await Expect(page.GetByText("Klantmanager · GM0342")).ToBeVisibleAsync();
        await Expect(page.GetByText("Geen nieuwkomers gevonden met deze filters.")).ToBeVisibleAsync();

        // The access token expires; the next page goes back to sign-in and, signed in again, to that page.
        await Task.Delay(TimeSpan.FromSeconds(TokenSeconds + 2));
        await page.GotoAsync($"{host.HttpAddress}/nieuwkomers?zoek=b");
        Assert.Contains("/aanmelden?ReturnUrl=%2Fnieuwkomers%3Fzoek%3Db", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByText("Meld u aan om verder te gaan.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden met uw organisatie-account" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/nieuwkomers?zoek=b", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/aanmelden?afgemeld=1", StringComparison.Ordinal));
        await Expect(page.GetByText("U bent afgemeld.")).ToBeVisibleAsync();
        // The provider's session ended too: signing in asks for the password again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden met uw organisatie-account" }).ClickAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_policy_officer_signs_in_at_the_provider_and_lands_on_the_monitoring_of_her_region()
    {
        var page = await (await browser.NewContextAsync(new() { Locale = "nl-NL" })).NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden met uw organisatie-account" }).ClickAsync();
        await page.GetByLabel("Login").FillAsync("m.bakker");
        await page.GetByLabel("Password").FillAsync("beleid-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/monitoring", StringComparison.Ordinal));
        await Expect(page.GetByText("Beleid · GM0342, GM0308")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitoring", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Gemeente of regio")).ToHaveValueAsync("regio");
        await Expect(page.Locator("section#status svg[role=img]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_wrong_password_signs_nobody_in()
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}/aanmelden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden met uw organisatie-account" }).ClickAsync();
        await page.GetByLabel("Login").FillAsync("k.jansen");
        await page.GetByLabel("Password").FillAsync("fout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await page.GotoAsync($"{host.HttpAddress}/nieuwkomers");
        Assert.Contains("/aanmelden", page.Url, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await host.DisposeAsync();
        await oidc.DisposeAsync();
    }
}

/// <summary>An install with neither an authority nor the demo sign-in offers no way in, least of all an admin picker.</summary>
public sealed class NoSignInTests : IAsyncLifetime
{
    private ServiceUnderTest host = default!;
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;

    public async Task InitializeAsync()
    {
        host = await ServiceUnderTest.StandaloneHostAsync("--Matching:BootstrapModel=false",
            $"--Storage:DataDirectory={Directory.CreateTempSubdirectory("console-closed-").FullName}");
        playwright = await Playwright.CreateAsync();
        browser = await ConsoleWorld.LaunchAsync(playwright);
    }

    [Fact]
    public async Task Without_an_authority_or_the_demo_sign_in_there_is_no_role_picker()
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}/nieuwkomers");
        Assert.Contains("/aanmelden", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByText("Aanmelden is niet ingesteld.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" })).ToHaveCountAsync(0);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await host.DisposeAsync();
    }
}
