using Newcomers.Host;

if (args.FirstOrDefault() == "mint-token") return TokenCommand.Run(args[1..]);
if (args.FirstOrDefault() == PostcodeCommand.Name) return await PostcodeCommand.RunAsync(args[1..], System.Console.Out, System.Console.Error);
await StandaloneHost.Create(args).RunAsync();
return 0;
