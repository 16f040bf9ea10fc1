using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Console;

// The console as its own process (the distributed mode). It holds no data: it calls the services at
// Console:ProfilesAddress, Console:OpportunitiesAddress and Console:MatchingAddress, or through its
// Dapr sidecar, with the signed-in user's token. Users sign in at Auth:Authority (OIDC) with the
// client Console:ClientId. The standalone host composes the same AddConsole().
var builder = ServiceProcess.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
builder.Services.AddConsole(builder.Configuration).AddTelemetry(builder.Configuration, "console");
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/healthz", () => "ok");
app.MapConsole();
await app.RunAsync();
