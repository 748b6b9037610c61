using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>The variables a project starts with, named and shaped exactly as Aspire passes them.</summary>
public class ProjectEnvironmentTests
{
    private sealed class FakeProject : IProjectMetadata
    {
        public string ProjectPath => "/src/Fake/Fake.csproj";
    }

    /// <summary>Every host is "host-{resource}"; ports and secrets come from fixed tables, or a stable counter for the real model.</summary>
    private sealed class FixedAddressing(Dictionary<(string Resource, string Endpoint), int>? ports = null,
        Dictionary<string, string>? secrets = null) : IResourceAddressing
    {
        private readonly Dictionary<(string, string), int> _ports = ports ?? [];
        private readonly Dictionary<string, string> _secrets = secrets ?? [];

        public string BindHost => "bind-host";

        public string Host(IResource resource) => $"host-{resource.Name}";

        public int Port(IResource resource, EndpointSpec endpoint)
        {
            if (!_ports.TryGetValue((resource.Name, endpoint.Name), out var port))
            {
                port = 40000 + _ports.Count;
                _ports[(resource.Name, endpoint.Name)] = port;
            }
            return port;
        }

        public string Secret(string name) => _secrets.TryGetValue(name, out var secret) ? secret : $"secret-of-{name}";
    }

    private const string MessagingSecret = "p@ss/w:rd 100%";

    private static FixedAddressing Addressing() => new(
        new()
        {
            [("pg", "tcp")] = 6001,
            [("cache", "tcp")] = 6002,
            [("messaging", "tcp")] = 6003,
            [("messaging", "management")] = 6004,
            [("catalog", "http")] = 7101,
            [("catalog", "grpc")] = 7102,
            [("api", "http")] = 7201,
            [("api", "grpc")] = 7202,
            [("lonely", "http")] = 7301,
        },
        new()
        {
            ["pg-password"] = "pg-secret",
            ["messaging-password"] = MessagingSecret,
        });

    [Test]
    public void A_project_gets_exactly_its_endpoints_and_its_references_connection_details()
    {
        var builder = new DistributedApplicationBuilder();
        var database = builder.AddPostgres("pg").AddDatabase("catalogdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        var catalog = builder.AddProject<FakeProject>("catalog").WithGrpcEndpoint();
        var api = builder.AddProject<FakeProject>("api").WithGrpcEndpoint()
            .WithReference(database).WithReference(cache).WithReference(messaging).WithReference(catalog);
        var model = builder.Build();

        var environment = ProjectEnvironment.For(api.Resource, model, Addressing());

        Assert.That(environment, Is.EqualTo(new Dictionary<string, string>
        {
            ["OTEL_SERVICE_NAME"] = "api",
            ["Kestrel__Endpoints__http__Url"] = "http://bind-host:7201",
            ["Kestrel__Endpoints__grpc__Url"] = "http://bind-host:7202",
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["ConnectionStrings__catalogdb"] = "Host=host-pg;Port=6001;Username=postgres;Password=pg-secret;Database=catalogdb",
            ["ConnectionStrings__cache"] = "host-cache:6002",
            ["ConnectionStrings__messaging"] = "amqp://rapanalyzer:p%40ss%2Fw%3Ard%20100%25@host-messaging:6003",
            ["services__catalog__http__0"] = "http://host-catalog:7101",
            ["services__catalog__grpc__0"] = "http://host-catalog:7102",
        }));
    }

    [Test]
    public void The_messaging_password_is_uri_escaped_so_the_amqp_uri_round_trips()
    {
        var builder = new DistributedApplicationBuilder();
        var messaging = builder.AddRabbitMQ("messaging");
        var api = builder.AddProject<FakeProject>("api").WithReference(messaging);

        var environment = ProjectEnvironment.For(api.Resource, builder.Build(), Addressing());

        var uri = new Uri(environment["ConnectionStrings__messaging"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uri.Scheme, Is.EqualTo("amqp"));
            Assert.That(uri.Host, Is.EqualTo("host-messaging"));
            Assert.That(uri.Port, Is.EqualTo(6003));
            Assert.That(Uri.UnescapeDataString(uri.UserInfo), Is.EqualTo($"rapanalyzer:{MessagingSecret}"));
        }
    }

    [Test]
    public void A_database_connection_string_names_the_database_not_the_resource()
    {
        var builder = new DistributedApplicationBuilder();
        var database = builder.AddPostgres("pg").AddDatabase("catalogdb", "tracks");
        var api = builder.AddProject<FakeProject>("api").WithReference(database);

        var environment = ProjectEnvironment.For(api.Resource, builder.Build(), Addressing());

        Assert.That(environment["ConnectionStrings__catalogdb"],
            Is.EqualTo("Host=host-pg;Port=6001;Username=postgres;Password=pg-secret;Database=tracks"));
    }

    [Test]
    public void Only_the_grpc_endpoint_is_http2_only()
    {
        var builder = new DistributedApplicationBuilder();
        var api = builder.AddProject<FakeProject>("api").WithGrpcEndpoint();

        var environment = ProjectEnvironment.For(api.Resource, builder.Build(), Addressing());

        Assert.That(environment.Keys.Where(k => k.EndsWith("__Protocols", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "Kestrel__Endpoints__grpc__Protocols" }));
    }

    [Test]
    public void A_project_without_grpc_has_only_its_http_endpoint()
    {
        var builder = new DistributedApplicationBuilder();
        var lonely = builder.AddProject<FakeProject>("lonely");

        var environment = ProjectEnvironment.For(lonely.Resource, builder.Build(), Addressing());

        Assert.That(environment, Is.EqualTo(new Dictionary<string, string>
        {
            ["OTEL_SERVICE_NAME"] = "lonely",
            ["Kestrel__Endpoints__http__Url"] = "http://bind-host:7301",
        }));
    }

    [Test]
    public void Waiting_for_a_resource_without_referencing_it_passes_no_connection_details()
    {
        var builder = new DistributedApplicationBuilder();
        var cache = builder.AddRedis("cache");
        var catalog = builder.AddProject<FakeProject>("catalog").WithGrpcEndpoint();
        var lonely = builder.AddProject<FakeProject>("lonely").WaitFor(cache).WaitFor(catalog);

        var environment = ProjectEnvironment.For(lonely.Resource, builder.Build(), Addressing());

        Assert.That(environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || k.StartsWith("services__", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void WithEnvironment_values_override_the_generated_ones()
    {
        var builder = new DistributedApplicationBuilder();
        var cache = builder.AddRedis("cache");
        var api = builder.AddProject<FakeProject>("api").WithReference(cache)
            .WithEnvironment("OTEL_SERVICE_NAME", "renamed")
            .WithEnvironment("ConnectionStrings__cache", "elsewhere:1234")
            .WithEnvironment("Llm__Model", "qwen/qwen3-4b-fp8");

        var environment = ProjectEnvironment.For(api.Resource, builder.Build(), Addressing());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(environment["OTEL_SERVICE_NAME"], Is.EqualTo("renamed"));
            Assert.That(environment["ConnectionStrings__cache"], Is.EqualTo("elsewhere:1234"));
            Assert.That(environment["Llm__Model"], Is.EqualTo("qwen/qwen3-4b-fp8"));
        }
    }

    [Test]
    public void The_real_gateway_finds_all_seven_services_and_gets_no_connection_strings()
    {
        var model = AppModel.Create();
        var gateway = model.OfType<ProjectResource>().Single(p => p.Name == "gateway");

        var environment = ProjectEnvironment.For(gateway, model, new FixedAddressing());

        string[] services = ["scraper", "catalog", "enrichment", "inference", "style-transfer", "quality", "trends"];
        Assert.That(environment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)),
            Is.EquivalentTo(services.SelectMany(s => new[] { $"services__{s}__http__0", $"services__{s}__grpc__0" })));
        Assert.That(environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)), Is.Empty);
        Assert.That(environment["services__style-transfer__grpc__0"], Does.StartWith("http://host-style-transfer:"));
    }

    [Test]
    public void The_real_catalog_gets_exactly_its_database_and_the_broker()
    {
        var model = AppModel.Create();
        var catalog = model.OfType<ProjectResource>().Single(p => p.Name == "catalog");

        var environment = ProjectEnvironment.For(catalog, model, new FixedAddressing());

        Assert.That(environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "ConnectionStrings__catalogdb", "ConnectionStrings__messaging" }));
        Assert.That(environment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)), Is.Empty);
        Assert.That(environment["ConnectionStrings__catalogdb"],
            Does.StartWith("Host=host-postgres;").And.EndWith(";Username=postgres;Password=secret-of-postgres-password;Database=catalogdb"));
    }
}
