using Newcomers.Host;

if (args.FirstOrDefault() == "mint-token") return TokenCommand.Run(args[1..]);
await StandaloneHost.Create(args).RunAsync();
return 0;
