using System.Text.RegularExpressions;
using Newcomers.BuildingBlocks.Events.Dapr;
using YamlDotNet.RepresentationModel;

namespace Newcomers.Unit.Tests.Deployment;

/// <summary>
/// The deployment files cannot run here (no Dapr CLI, no Docker engine, no Kubernetes), so a test
/// checks that they parse and agree with each other and with the code: app ids, ports, protocols,
/// component and secret names.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = Newcomers.TestSupport.Repository.Root;
    private static readonly string[] Apps = ["profiles", "opportunities", "matching"];

    [GeneratedRegex(@"--Hosting:GrpcPort=(\d+)")]
    private static partial Regex GrpcPortArgument();

    [Fact]
    public void Every_yaml_file_parses()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "deploy"), "*.yaml", SearchOption.AllDirectories).Append(Path.Combine(Root, "tye.yaml")).ToList();
        Assert.True(files.Count >= 7);
        Assert.All(files, file => Assert.NotEmpty(Load(file)));
    }

    [Fact]
    public void App_ids_ports_and_protocols_agree_across_dapr_run_tye_and_kubernetes()
    {
        var daprRunFile = (YamlMappingNode)Load("deploy/dapr/dapr.yaml")[0];
        Assert.True(Directory.Exists(Path.Combine(Root, "deploy", "dapr", ((YamlMappingNode)daprRunFile["common"])["resourcesPath"].ToString())));
        var daprRun = daprRunFile["apps"].AllNodes.OfType<YamlMappingNode>().Where(n => n.Children.ContainsKey("appID") && n["appID"].ToString() != "console")
            .ToDictionary(n => n["appID"].ToString(), n => (Port: int.Parse(n["appPort"].ToString()), Protocol: n["appProtocol"].ToString(),
                CommandPort: int.Parse(GrpcPortArgument().Match(string.Join(' ', ((YamlSequenceNode)n["command"]).Select(c => c.ToString()))).Groups[1].Value)));
        Assert.Equal(Apps.Order(), daprRun.Keys.Order());

        var tye = (YamlMappingNode)Load("tye.yaml")[0];
        var tyeServices = ((YamlSequenceNode)tye["services"]).Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("project") && s["name"].ToString() != "console")
            .ToDictionary(s => s["name"].ToString(), s => (Binding: int.Parse(((YamlMappingNode)((YamlSequenceNode)s["bindings"])[0])["port"].ToString()),
                ArgPort: int.Parse(GrpcPortArgument().Match(s["args"].ToString()).Groups[1].Value), Project: s["project"].ToString()));
        var daprExtension = ((YamlSequenceNode)tye["extensions"]).Cast<YamlMappingNode>().Single(e => e["name"].ToString() == "dapr");
        Assert.Equal("./deploy/dapr/local", daprExtension["components-path"].ToString());

        foreach (var app in Apps)
        {
            var deployment = Documents($"deploy/k8s/{app}.yaml").Single(d => d["kind"].ToString() == "Deployment");
            var template = (YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"];
            var annotations = (YamlMappingNode)((YamlMappingNode)template["metadata"])["annotations"];
            var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"])[0];
            var service = Documents($"deploy/k8s/{app}.yaml").Single(d => d["kind"].ToString() == "Service");
            var servicePort = int.Parse(((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)service["spec"])["ports"])[0])["port"].ToString());
            var containerPort = int.Parse(GrpcPortArgument().Match(string.Join(' ', ((YamlSequenceNode)container["args"]).Select(a => a.ToString()))).Groups[1].Value);

            Assert.Equal(app, annotations["dapr.io/app-id"].ToString());
            Assert.Equal("grpc", annotations["dapr.io/app-protocol"].ToString());
            Assert.Equal("grpc", daprRun[app].Protocol);
            var port = daprRun[app].Port;
            Assert.Equal([port, port, port, port, port, port],
                new[] { daprRun[app].CommandPort, int.Parse(annotations["dapr.io/app-port"].ToString()), containerPort, servicePort, tyeServices[app].Binding, tyeServices[app].ArgPort });
            Assert.True(File.Exists(Path.Combine(Root, tyeServices[app].Project)), tyeServices[app].Project);
            var appDir = ((YamlSequenceNode)daprRunFile["apps"]).Cast<YamlMappingNode>().Single(n => n["appID"].ToString() == app)["appDirPath"].ToString();
            Assert.True(Directory.Exists(Path.GetFullPath(Path.Combine(Root, "deploy", "dapr", appDir))), appDir);
        }
    }

    [Fact]
    public void The_pubsub_component_config_and_secrets_match_what_the_services_use()
    {
        var component = (YamlMappingNode)Load("deploy/dapr/components/pubsub.yaml")[0];
        var name = ((YamlMappingNode)component["metadata"])["name"].ToString();
        Assert.Equal(new DaprEventsOptions().PubSub, name);
        var metadata = ((YamlSequenceNode)((YamlMappingNode)component["spec"])["metadata"]).Cast<YamlMappingNode>().ToDictionary(m => m["name"].ToString(), m => m);
        Assert.Equal("{podName}", metadata["consumerID"]["value"].ToString());

        var config = Documents("deploy/k8s/config.yaml");
        var configMap = (YamlMappingNode)config.Single(d => d["kind"].ToString() == "ConfigMap")["data"];
        var secret = config.Single(d => d["kind"].ToString() == "Secret");
        Assert.Equal(name, configMap["Dapr__PubSub"].ToString());
        Assert.Equal(((YamlMappingNode)metadata["redisPassword"]["secretKeyRef"])["name"].ToString(), ((YamlMappingNode)secret["metadata"])["name"].ToString());
        // The matching service reaches the others through Dapr service invocation, not by address.
        Assert.DoesNotContain(configMap.Children.Keys, key => key.ToString().StartsWith("Matching__", StringComparison.Ordinal));
        Assert.Contains("redis:6379", configMap["Storage__Redis"].ToString());

        var redis = Documents("deploy/k8s/redis.yaml").Single(d => d["kind"].ToString() == "StatefulSet");
        Assert.Contains("--appendonly yes", string.Join(' ', redis.AllNodes.OfType<YamlSequenceNode>().SelectMany(s => s.Children).OfType<YamlScalarNode>().Select(s => s.Value)));
    }

    [Fact]
    public void Local_runs_use_a_pubsub_on_localhost_and_give_every_service_the_shared_signing_key()
    {
        var local = (YamlMappingNode)Load("deploy/dapr/local/pubsub.yaml")[0];
        Assert.Equal(new DaprEventsOptions().PubSub, ((YamlMappingNode)local["metadata"])["name"].ToString());
        var metadata = ((YamlSequenceNode)((YamlMappingNode)local["spec"])["metadata"]).Cast<YamlMappingNode>().ToDictionary(m => m["name"].ToString(), m => m["value"].ToString());
        Assert.StartsWith("localhost:", metadata["redisHost"], StringComparison.Ordinal);
        Assert.False(local.Children.ContainsKey("auth"), "a local run has no Kubernetes secret store");

        var daprRun = (YamlMappingNode)((YamlMappingNode)Load("deploy/dapr/dapr.yaml")[0])["common"];
        Assert.Equal("./local", daprRun["resourcesPath"].ToString());
        Assert.True(((YamlMappingNode)daprRun["env"]).Children.ContainsKey("Auth__SigningKey"));
        var tye = (YamlMappingNode)Load("tye.yaml")[0];
        foreach (var service in ((YamlSequenceNode)tye["services"]).Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("project")))
            Assert.Contains(((YamlSequenceNode)service["env"]).Cast<YamlMappingNode>(), e => e["name"].ToString() == "Auth__SigningKey");
    }

    [Fact]
    public void Every_sidecar_sends_its_app_the_token_the_app_expects()
    {
        var secret = Documents("deploy/k8s/config.yaml").Single(d => d["kind"].ToString() == "Secret");
        var secretName = ((YamlMappingNode)secret["metadata"])["name"].ToString();
        Assert.True(((YamlMappingNode)secret["stringData"]).Children.ContainsKey("token"));
        foreach (var app in Apps)
        {
            var template = (YamlMappingNode)((YamlMappingNode)Documents($"deploy/k8s/{app}.yaml").Single(d => d["kind"].ToString() == "Deployment")["spec"])["template"];
            Assert.Equal(secretName, ((YamlMappingNode)((YamlMappingNode)template["metadata"])["annotations"])["dapr.io/app-token-secret"].ToString());
            var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"])[0];
            var token = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().Single(e => e["name"].ToString() == "APP_API_TOKEN");
            var reference = (YamlMappingNode)((YamlMappingNode)token["valueFrom"])["secretKeyRef"];
            Assert.Equal((secretName, "token"), (reference["name"].ToString(), reference["key"].ToString()));
        }
        var daprRun = (YamlMappingNode)((YamlMappingNode)Load("deploy/dapr/dapr.yaml")[0])["common"];
        Assert.True(((YamlMappingNode)daprRun["env"]).Children.ContainsKey("APP_API_TOKEN"));
    }

    [Fact]
    public void Every_service_has_a_container_file_that_builds_it()
    {
        foreach (var project in new[] { "Profiles", "Opportunities", "Matching" })
        {
            var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "docker", $"{project}.Dockerfile"));
            Assert.Contains($"dotnet publish services/{project}/{project}.csproj", dockerfile);
            Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", dockerfile);
        }
    }

    [Fact]
    public void The_console_runs_beside_the_services_on_its_http_port_and_reaches_them_through_its_sidecar()
    {
        const int port = 6086;
        var app = ((YamlSequenceNode)((YamlMappingNode)Load("deploy/dapr/dapr.yaml")[0])["apps"]).Cast<YamlMappingNode>().Single(n => n["appID"].ToString() == "console");
        var command = string.Join(' ', ((YamlSequenceNode)app["command"]).Select(c => c.ToString()));
        Assert.Equal(("http", port), (app["appProtocol"].ToString(), int.Parse(app["appPort"].ToString())));
        Assert.Contains($"--Hosting:HttpPort={port}", command);
        Assert.Contains($"--Dapr:GrpcEndpoint=http://127.0.0.1:{app["daprGRPCPort"]}", command);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Root, "deploy", "dapr", app["appDirPath"].ToString(), "Console.csproj"))));

        var documents = Documents("deploy/k8s/console.yaml");
        var template = (YamlMappingNode)((YamlMappingNode)documents.Single(d => d["kind"].ToString() == "Deployment")["spec"])["template"];
        var annotations = (YamlMappingNode)((YamlMappingNode)template["metadata"])["annotations"];
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"])[0];
        var service = documents.Single(d => d["kind"].ToString() == "Service");
        Assert.Equal(("console", "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (annotations["dapr.io/app-id"].ToString(), annotations["dapr.io/app-protocol"].ToString(), annotations["dapr.io/app-port"].ToString()));
        Assert.Contains($"--Hosting:HttpPort={port}", string.Join(' ', ((YamlSequenceNode)container["args"]).Select(a => a.ToString())));
        Assert.Equal(port, int.Parse(((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)service["spec"])["ports"])[0])["port"].ToString()));
        // Its settings come from the shared ConfigMap (the sidecar's endpoint among them).
        Assert.Contains(((YamlSequenceNode)container["envFrom"]).Cast<YamlMappingNode>(), e => e.Children.ContainsKey("configMapRef"));

        var tye = ((YamlSequenceNode)((YamlMappingNode)Load("tye.yaml")[0])["services"]).Cast<YamlMappingNode>().Single(s => s["name"].ToString() == "console");
        Assert.Equal("services/Console/Console.csproj", tye["project"].ToString());
        Assert.Contains($"--Hosting:HttpPort={port}", tye["args"].ToString());

        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "docker", "Console.Dockerfile"));
        Assert.Contains("dotnet publish services/Console/Console.csproj", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Newcomers.Console.dll\"]", dockerfile);
    }

    private static List<YamlNode> Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.IsPathRooted(relative) ? relative : Path.Combine(Root, relative)));
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    private static List<YamlMappingNode> Documents(string relative) => Load(relative).Cast<YamlMappingNode>().ToList();
}
