using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using RapAnalyzer.Inference.Apis;
using RapAnalyzer.Inference.Batches;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Batches on real Redis: progress streamed to the end, a bad song answered as failed, a crash resumed.</summary>
public sealed partial class InferenceAnalysisTests
{
    [Test]
    public async Task A_batch_of_200_reaches_100_percent_over_server_sent_events_and_a_bad_item_fails_alone()
    {
        var items = Songs(200);
        items[17] = new { lyrics = "" };
        // Written as null, as a hostile or broken client may: it fails alone, named, like a bad song.
        items[42] = null!;
        var id = await PostBatchAsync(new { items, analyzer = "embedded" });

        var events = await EventsAsync(id, TimeSpan.FromMinutes(3));
        var firstPage = await _inference.Http.GetFromJsonAsync<BatchReport>($"/batch/{id}?page=1&pageSize=100");
        var secondPage = await _inference.Http.GetFromJsonAsync<BatchReport>($"/batch/{id}?page=2&pageSize=100");
        using var overLimit = await _inference.Http.PostAsJsonAsync("/batch", new { items = Songs(1_001) });
        using var empty = await _inference.Http.PostAsJsonAsync("/batch", new { items = Array.Empty<object>() });
        using var unknown = await _inference.Http.GetAsync($"/batch/{Guid.NewGuid()}");
        // Paging read as the catalog's is: empty is "not given", a value that is no number is named.
        var emptyPaging = await _inference.Http.GetFromJsonAsync<BatchReport>($"/batch/{id}?page=&pageSize=");
        using var badPage = await _inference.Http.GetAsync($"/batch/{id}?page=two");

        var progress = events.Where(e => e.EventType == "progress").Select(e => e.Data).ToList();
        var completed = events.Last();
        Assert.Multiple(async () =>
        {
            Assert.That(progress, Is.Not.Empty);
            Assert.That(progress.Select(p => p.Done), Is.Ordered, "progress only goes forward");
            Assert.That(progress[^1].Percent, Is.EqualTo(100));
            Assert.That(completed.EventType, Is.EqualTo("completed"));
            Assert.That((completed.Data.Done, completed.Data.Total, completed.Data.Failed), Is.EqualTo((200, 200, 2)));
            Assert.That(firstPage!.Items.Select(i => i.Index), Is.EqualTo(Enumerable.Range(0, 100)));
            Assert.That(secondPage!.Items.Select(i => i.Index), Is.EqualTo(Enumerable.Range(100, 100)));
            Assert.That(firstPage.Items[17].Status, Is.EqualTo(BatchItemResult.Failed));
            Assert.That(firstPage.Items[17].Error, Does.StartWith("items[17].lyrics"));
            Assert.That(firstPage.Items[42].Error, Does.StartWith("items[42]: a song is an object"));
            Assert.That(firstPage.Items.Where(i => i.Index is not (17 or 42)).Select(i => i.Analysis?.Analyzer), Has.All.EqualTo("embedded"));
            Assert.That(overLimit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await overLimit.Content.ReadAsStringAsync(), Does.Contain("\"items\"").And.Contain("at most 1000"));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(emptyPaging!.Items.Select(i => i.Index), Is.EqualTo(Enumerable.Range(0, 50)));
            Assert.That(badPage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await badPage.Content.ReadAsStringAsync(), Does.Contain("\"page\""));
        });
    }

    [Test]
    public async Task A_batch_resumes_after_inference_crashes_mid_run_and_answers_every_item_once()
    {
        const int total = 200;
        var id = await PostBatchAsync(new { items = Songs(total), analyzer = "embedded" });
        var beforeCrash = await Eventually.GetAsync(() => BatchAsync(id), b => b.Done >= 5, TimeSpan.FromMinutes(2));

        await CrashAsync("inference");
        var after = await Eventually.GetAsync(() => BatchAsync(id), b => b.Status == BatchStatus.Completed, TimeSpan.FromMinutes(3));
        var results = new List<BatchItemResult>();
        for (var page = 1; page <= 2; page++)
        {
            results.AddRange((await _inference.Http.GetFromJsonAsync<BatchReport>($"/batch/{id}?page={page}&pageSize=100"))!.Items);
        }

        Assert.Multiple(() =>
        {
            Assert.That(beforeCrash.Done, Is.LessThan(total), "the crash came mid-run");
            Assert.That((after.Done, after.Failed), Is.EqualTo((total, 0)));
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, total)), "every item answered, once");
        });
    }

    [Test]
    public async Task A_batch_analyzes_several_songs_at_once_within_the_llm_slots()
    {
        _llm.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis, TimeSpan.FromMilliseconds(400));
        _llm.ResetMostChatsAtOnce();
        var id = await PostBatchAsync(new { items = Songs(12), analyzer = "llm" });

        var after = await Eventually.GetAsync(() => BatchAsync(id), b => b.Status == BatchStatus.Completed, TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That((after.Done, after.Failed), Is.EqualTo((12, 0)));
            // Batch:Concurrency and Llm:Concurrency are both 4 by default.
            Assert.That(_llm.MostChatsAtOnce, Is.InRange(2, 4), "songs of one batch were sent to the LLM together, never more than its slots");
        });
    }

    private static object[] Songs(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (object)new { lyrics = $"{Lyrics}\nSong {i} of batch {Guid.NewGuid():N}" })];

    private async Task<Guid> PostBatchAsync(object request)
    {
        using var response = await _inference.Http.PostAsJsonAsync("/batch", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BatchCreated>())!.Id;
    }

    private async Task<BatchReport> BatchAsync(Guid id) =>
        (await _inference.Http.GetFromJsonAsync<BatchReport>($"/batch/{id}?pageSize=1"))!;

    private async Task<IReadOnlyList<SseItem<BatchProgressEvent>>> EventsAsync(Guid id, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var response = await _inference.Http.GetAsync($"/batch/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        var events = new List<SseItem<BatchProgressEvent>>();
        var parser = SseParser.Create(stream, (type, data) => JsonSerializer.Deserialize<BatchProgressEvent>(data, JsonSerializerOptions.Web)!);
        await foreach (var item in parser.EnumerateAsync(cancel.Token))
        {
            events.Add(item);
        }
        return events;
    }
}
