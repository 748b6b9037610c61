using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>The app model as the AppHost builds it for a local run (built, not started): who gets which connection details and settings.</summary>
public class AppModelTests
{
    private string _dataDirectory = null!;

    [SetUp]
    public void CreateDataDirectory() => _dataDirectory = Directory.CreateTempSubdirectory("rapanalyzer-model-").FullName;

    [TearDown]
    public void DeleteDataDirectory() => Directory.Delete(_dataDirectory, recursive: true);

    private async Task<DistributedApplication> BuildAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RapAnalyzer_AppHost>(
            [$"--LocalServers:DataDirectory={_dataDirectory}", "--GatewayPort=0", .. args]);
        return await builder.BuildAsync();
    }

    /// <summary>
    /// The variables the model gives a project, rendered the way they will be at start, without starting anything: a
    /// parameter by its default, a connection string by its expression, an endpoint's address (allocated at start) as null.
    /// </summary>
    private static async Task<Dictionary<string, string?>> EnvironmentAsync(DistributedApplication app, string project)
    {
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(p => p.Name == project);
        var context = new EnvironmentCallbackContext(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        return context.EnvironmentVariables.ToDictionary(e => e.Key, e => Render(e.Value, configuration));
    }

    private static string? Render(object? value, IConfiguration configuration) => value switch
    {
        string text => text,
        ParameterResource parameter => parameter.Default?.GetDefaultValue() ?? configuration.GetConnectionString(parameter.Name),
        ConnectionStringReference reference => Render(reference.Resource.ConnectionStringExpression, configuration),
        IResourceWithConnectionString resource => Render(resource.ConnectionStringExpression, configuration),
        ReferenceExpression expression => expression.ValueProviders.Select(p => Render(p, configuration)).ToArray() is var parts
                && parts.All(p => p is not null)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, expression.Format, parts)
            : null,
        _ => null,
    };

    [Test]
    public async Task The_catalog_gets_its_database_and_the_broker_with_the_local_servers_passwords()
    {
        await using var app = await BuildAsync();
        var environment = await EnvironmentAsync(app, "catalog");
        var secrets = new SecretStore(Path.Combine(_dataDirectory, "secrets.json"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "ConnectionStrings__catalogdb", "ConnectionStrings__cache", "ConnectionStrings__messaging" }));
            Assert.That(environment.Keys, Has.Some.StartWith("services__enrichment__grpc__"));
            Assert.That(environment["ConnectionStrings__catalogdb"],
                Does.StartWith("Host=127.0.0.1;Port=").And.EndWith($";Username=postgres;Password={secrets.Get("postgres-password")};Database=catalogdb"));
            Assert.That(environment["ConnectionStrings__messaging"],
                Does.StartWith($"amqp://rapanalyzer:{secrets.Get("messaging-password")}@127.0.0.1:"));
            Assert.That(environment["Kestrel__Endpoints__grpc__Protocols"], Is.EqualTo("Http2"));
            Assert.That(environment, Does.Not.ContainKey("ASPNETCORE_URLS"));
        });
    }

    [TestCase(new string[0], LocalServerSettings.DefaultSharedBuffers)]
    [TestCase(new[] { "--LocalServers:PostgresSharedBuffers=512MB" }, "512MB")]
    public async Task The_local_postgres_gets_its_buffer_pool(string[] args, string expected)
    {
        await using var app = await BuildAsync(args);
        var postgres = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalPostgresResource>().Single();
        var context = new CommandLineArgsCallbackContext([], postgres);
        foreach (var callback in postgres.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        Assert.That(context.Args.Select(arg => arg.ToString()), Does.Contain($"shared_buffers={expected}"));
    }

    [TestCase("2 GB")]
    [TestCase("lots")]
    public void A_postgres_buffer_pool_that_is_no_memory_size_is_refused_at_start(string value)
    {
        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => BuildAsync($"--LocalServers:PostgresSharedBuffers={value}"));
        Assert.That(refused!.Message, Does.Contain("LocalServers:PostgresSharedBuffers"));
    }

    [Test]
    public async Task Passwords_are_generated_once_and_kept_in_the_data_folder()
    {
        string? first, second;
        await using (var app = await BuildAsync())
        {
            first = (await EnvironmentAsync(app, "catalog"))["ConnectionStrings__catalogdb"];
        }
        await using (var app = await BuildAsync())
        {
            second = (await EnvironmentAsync(app, "catalog"))["ConnectionStrings__catalogdb"];
        }
        // The port is picked anew each run; the password stays, so a cluster initialised earlier still accepts it.
        Assert.That(Password(second), Is.EqualTo(Password(first)).And.Length.EqualTo(32));
    }

    private static string Password(string? connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return (string)builder["Password"];
    }

    [Test]
    public async Task An_unset_external_setting_reaches_no_service_and_a_set_one_reaches_its_service_under_the_variable_it_reads()
    {
        await using var unset = await BuildAsync();
        await using var set = await BuildAsync("--Genius:AccessToken=token-from-the-host", "--Parameters:spotify-client-id=client-id");

        var scraperUnset = await EnvironmentAsync(unset, "scraper");
        var scraperSet = await EnvironmentAsync(set, "scraper");
        var enrichmentSet = await EnvironmentAsync(set, "enrichment");
        var parameter = set.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "genius-access-token");

        Assert.Multiple(() =>
        {
            Assert.That(scraperUnset.Keys, Has.None.StartsWith("Genius__"));
            Assert.That(scraperSet["Genius__AccessToken"], Is.EqualTo("token-from-the-host"));
            Assert.That(scraperSet.Keys, Has.None.StartsWith("Spotify__"));
            Assert.That(enrichmentSet["Spotify__ClientId"], Is.EqualTo("client-id"));
            Assert.That(enrichmentSet, Does.Not.ContainKey("Spotify__ClientSecret"));
            Assert.That(parameter.Secret, Is.True);
        });
    }

    [Test]
    public async Task A_configured_server_is_used_and_none_is_started()
    {
        await using var app = await BuildAsync(
            "--ConnectionStrings:postgres=Host=db.example;Port=5433;Username=app;Password=pw",
            "--ConnectionStrings:cache=cache.example:6380",
            "--ConnectionStrings:messaging=amqp://u:p@mq.example:5673");
        var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
        var catalog = await EnvironmentAsync(app, "catalog");
        var scraper = await EnvironmentAsync(app, "scraper");

        Assert.Multiple(() =>
        {
            Assert.That(resources.Where(r => r.Name is "postgres" or "cache" or "messaging"), Has.None.InstanceOf<ExecutableResource>());
            Assert.That(resources.Select(r => r.Name), Has.None.EqualTo("messaging-epmd"));
            Assert.That(catalog["ConnectionStrings__catalogdb"], Is.EqualTo("Host=db.example;Port=5433;Username=app;Password=pw;Database=catalogdb"));
            Assert.That(scraper["ConnectionStrings__cache"], Is.EqualTo("cache.example:6380"));
            Assert.That(catalog["ConnectionStrings__messaging"], Is.EqualTo("amqp://u:p@mq.example:5673"));
        });
    }

    [Test]
    public async Task Inference_reaches_the_catalog_over_grpc_for_the_generators_corpus()
    {
        await using var app = await BuildAsync();
        var inference = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "inference");
        var references = inference.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => (r.Type, r.Resource.Name)).ToList();

        Assert.That(references, Does.Contain(("Reference", "catalog")).And.Contain(("WaitFor", "catalog")));
    }

    [Test]
    public async Task The_gateway_references_all_seven_services_and_no_server()
    {
        await using var app = await BuildAsync();
        var gateway = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "gateway");
        var references = gateway.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource).ToList();

        Assert.That(references.Select(r => r.Name),
            Is.EquivalentTo(new[] { "scraper", "catalog", "enrichment", "inference", "style-transfer", "quality", "trends" }));
        Assert.That(references, Has.All.InstanceOf<ProjectResource>());
    }

    [TestCase(new[] { "--fresh", "--gateway-port", "5090" }, new[] { "--LocalServers:Fresh=true", "--GatewayPort=5090" })]
    [TestCase(new[] { "--data-dir", "/tmp/x", "--other" }, new[] { "--LocalServers:DataDirectory=/tmp/x", "--other" })]
    public void The_apphost_flags_become_configuration(string[] args, string[] expected) =>
        Assert.That(AppHostArguments.ToConfiguration(args), Is.EqualTo(expected));
}
