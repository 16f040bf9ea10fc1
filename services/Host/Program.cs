using Newcomers.Host;

await StandaloneHost.Create(args).RunAsync();
