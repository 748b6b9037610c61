using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>Building the app model: names, relations and cycles are checked, and resources come out dependencies first.</summary>
public class DistributedApplicationModelTests
{
    private sealed class FakeProject : IProjectMetadata
    {
        public string ProjectPath => "/src/Fake/Fake.csproj";
    }

    private static string[] Names(IEnumerable<IResource> resources) => [.. resources.Select(r => r.Name)];

    private static int IndexOf(DistributedApplicationModel model, string name)
    {
        var index = model.Resources.ToList().FindIndex(r => r.Name == name);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{name}' is not in the model");
        return index;
    }

    [Test]
    public void Two_projects_waiting_for_each_other_are_a_cycle_named_in_order()
    {
        var builder = new DistributedApplicationBuilder();
        var a = builder.AddProject<FakeProject>("a");
        var b = builder.AddProject<FakeProject>("b");
        a.WaitFor(b);
        b.WaitFor(a);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("a -> b -> a"));
    }

    [Test]
    public void A_three_resource_cycle_through_a_reference_is_named_in_order()
    {
        var builder = new DistributedApplicationBuilder();
        var a = builder.AddProject<FakeProject>("a");
        var b = builder.AddProject<FakeProject>("b");
        var c = builder.AddProject<FakeProject>("c");
        a.WithReference(b);
        b.WaitFor(c);
        c.WaitFor(a);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("a -> b -> c -> a"));
    }

    [Test]
    public void A_cycle_that_does_not_start_at_the_first_resource_is_named_from_where_it_closes()
    {
        var builder = new DistributedApplicationBuilder();
        var entry = builder.AddProject<FakeProject>("entry");
        var x = builder.AddProject<FakeProject>("x");
        var y = builder.AddProject<FakeProject>("y");
        entry.WaitFor(x);
        x.WaitFor(y);
        y.WithReference(x);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("x -> y -> x"));
        Assert.That(error.Message, Does.Not.Contain("entry"));
    }

    [Test]
    public void A_reference_to_a_resource_of_another_builder_names_both()
    {
        var other = new DistributedApplicationBuilder();
        var foreignCache = other.AddRedis("foreign-cache");
        var builder = new DistributedApplicationBuilder();
        builder.AddProject<FakeProject>("api").WithReference(foreignCache);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'api'").And.Contain("'foreign-cache'").And.Contain("not a resource of this app model"));
    }

    [Test]
    public void Waiting_for_a_resource_of_another_builder_fails()
    {
        var other = new DistributedApplicationBuilder();
        var foreignQueue = other.AddRabbitMQ("foreign-queue");
        var builder = new DistributedApplicationBuilder();
        builder.AddProject<FakeProject>("api").WaitFor(foreignQueue);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'api'").And.Contain("'foreign-queue'"));
    }

    [Test]
    public void A_project_referencing_itself_fails()
    {
        var builder = new DistributedApplicationBuilder();
        var api = builder.AddProject<FakeProject>("api");
        api.WithReference(api);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'api' references itself"));
    }

    [Test]
    public void A_project_waiting_for_itself_fails()
    {
        var builder = new DistributedApplicationBuilder();
        var api = builder.AddProject<FakeProject>("api");
        api.WaitFor(api);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'api' waits for itself"));
    }

    [Test]
    public void Two_resources_with_the_same_name_fail()
    {
        var builder = new DistributedApplicationBuilder();
        builder.AddRedis("cache");
        builder.AddProject<FakeProject>("cache");

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'cache'").And.Contain("unique"));
    }

    [Test]
    public void Names_differing_only_in_case_are_duplicates()
    {
        var builder = new DistributedApplicationBuilder();
        builder.AddRedis("cache");
        builder.AddRabbitMQ("CACHE");

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("Two resources are named").IgnoreCase.And.Contain("cache").IgnoreCase);
    }

    [TestCase("Catalog")]
    [TestCase("style_transfer")]
    [TestCase("1catalog")]
    [TestCase("catalog-")]
    [TestCase("-catalog")]
    [TestCase("")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64 characters
    public void An_invalid_name_fails_naming_it(string name)
    {
        var builder = new DistributedApplicationBuilder();
        builder.AddProject<FakeProject>(name);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain($"'{name}' is invalid"));
    }

    [TestCase("a")]
    [TestCase("style-transfer")]
    [TestCase("db2")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 63 characters
    public void A_valid_name_is_accepted(string name)
    {
        var builder = new DistributedApplicationBuilder();
        builder.AddProject<FakeProject>(name);

        var model = builder.Build();

        Assert.That(Names(model.Resources), Is.EqualTo(new[] { name }));
    }

    [Test]
    public void Referencing_a_postgres_server_directly_fails_and_points_to_its_databases()
    {
        var builder = new DistributedApplicationBuilder();
        var postgres = builder.AddPostgres("pg");
        postgres.AddDatabase("tracksdb");
        builder.AddProject<FakeProject>("api").WithReference(postgres);

        var error = Assert.Throws<AppModelException>(() => builder.Build());

        Assert.That(error.Message, Does.Contain("'api' references 'pg'").And.Contain("database"));
    }

    [Test]
    public void Waiting_for_a_postgres_server_is_allowed()
    {
        var builder = new DistributedApplicationBuilder();
        var postgres = builder.AddPostgres("pg");
        builder.AddProject<FakeProject>("api").WaitFor(postgres);

        var model = builder.Build();

        Assert.That(Names(model.Resources), Is.EqualTo(new[] { "pg", "api" }));
    }

    [Test]
    public void Dependencies_declared_later_still_come_first()
    {
        var builder = new DistributedApplicationBuilder();
        var api = builder.AddProject<FakeProject>("api");
        var worker = builder.AddProject<FakeProject>("worker");
        var cache = builder.AddRedis("cache");
        var postgres = builder.AddPostgres("pg");
        var database = postgres.AddDatabase("tracksdb");
        api.WithReference(worker).WaitFor(worker);
        worker.WithReference(database).WithReference(cache).WaitFor(database);

        var model = builder.Build();

        // api -> worker -> (tracksdb -> pg), cache; dependencies in the order they are declared on the resource.
        Assert.That(Names(model.Resources), Is.EqualTo(new[] { "pg", "tracksdb", "cache", "worker", "api" }));
    }

    [Test]
    public void A_database_depends_on_its_server_without_a_declared_relation()
    {
        var builder = new DistributedApplicationBuilder();
        var postgres = builder.AddPostgres("pg");
        var database = postgres.AddDatabase("tracksdb");

        var model = builder.Build();

        Assert.That(model.DependenciesOf(database.Resource), Is.EqualTo(new IResource[] { postgres.Resource }));
        Assert.That(model.Relations, Is.Empty);
    }

    [Test]
    public void References_of_a_project_are_only_its_references_not_what_it_waits_for()
    {
        var builder = new DistributedApplicationBuilder();
        var cache = builder.AddRedis("cache");
        var queue = builder.AddRabbitMQ("queue");
        var api = builder.AddProject<FakeProject>("api").WithReference(cache).WaitFor(queue);

        var model = builder.Build();

        Assert.That(Names(model.ReferencesOf(api.Resource)), Is.EqualTo(new[] { "cache" }));
        Assert.That(Names(model.DependenciesOf(api.Resource)), Is.EqualTo(new[] { "cache", "queue" }));
    }

    [Test]
    public void The_real_model_has_exactly_the_platform_resources()
    {
        var model = AppModel.Create();

        Assert.That(Names(model.Resources), Is.EquivalentTo(new[]
        {
            "postgres", "catalogdb", "cache", "messaging",
            "scraper", "catalog", "enrichment", "inference", "style-transfer", "quality", "trends", "gateway",
        }));
    }

    [Test]
    public void The_real_model_orders_a_database_after_its_server_and_projects_after_what_they_wait_for()
    {
        var model = AppModel.Create();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IndexOf(model, "catalogdb"), Is.GreaterThan(IndexOf(model, "postgres")));
            Assert.That(IndexOf(model, "catalog"), Is.GreaterThan(IndexOf(model, "catalogdb")));
            Assert.That(IndexOf(model, "catalog"), Is.GreaterThan(IndexOf(model, "messaging")));
            Assert.That(IndexOf(model, "scraper"), Is.GreaterThan(IndexOf(model, "cache")));
            Assert.That(IndexOf(model, "style-transfer"), Is.GreaterThan(IndexOf(model, "catalog")));
            Assert.That(IndexOf(model, "style-transfer"), Is.GreaterThan(IndexOf(model, "inference")));
            Assert.That(IndexOf(model, "gateway"), Is.EqualTo(model.Resources.Count - 1));
            foreach (var resource in model.Resources)
            {
                var position = IndexOf(model, resource.Name);
                foreach (var dependency in model.DependenciesOf(resource))
                {
                    Assert.That(IndexOf(model, dependency.Name), Is.LessThan(position),
                        $"{resource.Name} comes before its dependency {dependency.Name}");
                }
            }
        }
    }

    [Test]
    public void The_real_gateway_waits_for_and_references_all_seven_services()
    {
        var model = AppModel.Create();
        var gateway = model.Resources.Single(r => r.Name == "gateway");
        string[] services = ["scraper", "catalog", "enrichment", "inference", "style-transfer", "quality", "trends"];

        Assert.That(Names(model.ReferencesOf(gateway)), Is.EquivalentTo(services));
        Assert.That(Names(model.DependenciesOf(gateway)), Is.EquivalentTo(services));
    }
}
