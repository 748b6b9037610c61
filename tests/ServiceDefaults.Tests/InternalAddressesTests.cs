using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.ServiceDefaults.Tests;

/// <summary>What health reports may show anyone of a failure: the failure, not the dependency's address.</summary>
public class InternalAddressesTests
{
    [TestCase("Failed to connect to 127.0.0.1:5432", "Failed to connect to <address>")]
    [TestCase("Connection refused (localhost:33583)", "Connection refused (<address>)")]
    [TestCase("It was not possible to connect to the redis server(s). UnableToConnect on cache.internal:6379/Interactive",
        "It was not possible to connect to the redis server(s). UnableToConnect on <address>/Interactive")]
    [TestCase("Faulted: rabbitmq://10.1.2.3:5672/prod/catalog-track-scraped", "Faulted: <address>")]
    [TestCase("No such host is known. (postgres-caznvvvu:5432)", "No such host is known. (<address>)")]
    [TestCase("Failed to connect to [::1]:5432", "Failed to connect to <address>")]
    public void Addresses_are_taken_out(string message, string redacted) =>
        Assert.That(InternalAddresses.Redact(message), Is.EqualTo(redacted));

    [TestCase("A timeout occurred while running check.")]
    [TestCase("HTTP 500 from the endpoint (at 2026-12-07T02:30:32.5360000+00:00). Tracks get USE-Lite vectors only until it answers again.")]
    [TestCase("invalid index IX_tracks_search_text_ccnew; build running: 40% at 12:30")]
    [TestCase("Ready")]
    public void A_message_without_an_address_is_left_as_it_is(string message) =>
        Assert.That(InternalAddresses.Redact(message), Is.EqualTo(message));
}
