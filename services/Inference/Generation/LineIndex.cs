using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// The catalog's lyric lines in memory, as DeepBeat retrieves them: each line filed under its end-rhyme key
/// (<see cref="LinePhonetics.EndKey"/>) and its artist, with the verse it belongs to and the document frequency of
/// every word for TF-IDF. Tracks are added as they arrive; a track stored again with other lyrics replaces its
/// lines (the old ones are marked gone). Columns rather than objects, so 2–3 million lines stay affordable.
/// </summary>
public sealed class LineIndex(LinePhonetics phonetics)
{
    private readonly Lock _gate = new();
    private readonly List<string> _texts = [];
    private readonly List<int> _artistOf = [];
    private readonly List<int> _verseOf = [];
    private readonly List<int> _keyOf = [];
    private readonly List<string> _lastWordOf = [];
    private readonly List<bool> _gone = [];
    private readonly List<(int First, int Count)> _verses = [];
    private readonly List<string> _artists = [];
    private readonly Dictionary<string, int> _artistIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _linesOfArtist = [];
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _linesOfKey = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (int First, int Count, string Hash)> _tracks = [];
    private int _lines;

    public int Lines { get { lock (_gate) { return _lines; } } }

    public int Tracks { get { lock (_gate) { return _tracks.Count; } } }

    /// <summary>Verses ever indexed (their ids run from 0); a replaced track's verses stay counted, their lines gone.</summary>
    public int Verses { get { lock (_gate) { return _verses.Count; } } }

    public int Artists { get { lock (_gate) { return _artists.Count; } } }

    /// <summary>Adds a track's lines, or replaces them when its lyrics changed; false when it is indexed as it is.</summary>
    public bool Add(Guid trackId, string artist, string lyrics, string contentHash)
    {
        lock (_gate)
        {
            if (_tracks.TryGetValue(trackId, out var known) && known.Hash == contentHash)
            {
                return false;
            }
        }
        // eSpeak runs outside the lock: readers keep going while a track is transcribed.
        var verses = LyricsVerses.Split(lyrics)
            .Select(verse => verse.Select(text => (Text: text, Key: phonetics.EndKey(text), Last: LinePhonetics.LastWord(text)))
                .Where(line => line.Last.Length > 0).ToList())
            .Where(verse => verse.Count > 0)
            .ToList();
        lock (_gate)
        {
            if (_tracks.TryGetValue(trackId, out var old))
            {
                if (old.Hash == contentHash)
                {
                    return false;
                }
                Remove(old.First, old.Count);
            }
            var artistId = IdOf(_artistIds, _artists, ArtistIdentity.Key(artist), _linesOfArtist, artist);
            var first = _texts.Count;
            foreach (var verse in verses)
            {
                _verses.Add((_texts.Count, verse.Count));
                foreach (var line in verse)
                {
                    var id = _texts.Count;
                    var keyId = IdOf(_keyIds, _keys, line.Key, _linesOfKey, line.Key);
                    _texts.Add(line.Text);
                    _artistOf.Add(artistId);
                    _verseOf.Add(_verses.Count - 1);
                    _keyOf.Add(keyId);
                    _lastWordOf.Add(string.Intern(line.Last));
                    _gone.Add(false);
                    _linesOfArtist[artistId].Add(id);
                    _linesOfKey[keyId].Add(id);
                    foreach (var term in Terms.Of(line.Text).Distinct())
                    {
                        _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
                    }
                }
            }
            _lines += _texts.Count - first;
            _tracks[trackId] = (first, _texts.Count - first, contentHash);
            return true;
        }
    }

    public IndexedLine Line(int id)
    {
        lock (_gate)
        {
            return new IndexedLine(id, _texts[id], _artists[_artistOf[id]], _verseOf[id], _keys[_keyOf[id]], _lastWordOf[id]);
        }
    }

    public bool IsGone(int id)
    {
        lock (_gate)
        {
            return _gone[id];
        }
    }

    /// <summary>The name the index knows an artist by (however the request spells it), or null when it has none of their lines.</summary>
    public string? Artist(string name)
    {
        lock (_gate)
        {
            return _artistIds.TryGetValue(ArtistIdentity.Key(name), out var id) && _linesOfArtist[id].Count > 0 ? _artists[id] : null;
        }
    }

    /// <summary>The lines of a verse still indexed, in order.</summary>
    public IReadOnlyList<int> VerseLines(int verse)
    {
        lock (_gate)
        {
            var (first, count) = _verses[verse];
            return [.. Enumerable.Range(first, count).Where(id => !_gone[id])];
        }
    }

    /// <summary>Up to <paramref name="count"/> distinct lines drawn at random (of one artist when named) that pass <paramref name="accept"/>.</summary>
    public IReadOnlyList<int> Sample(string? artist, int count, Random random, Func<int, bool>? accept = null)
    {
        lock (_gate)
        {
            if (artist is null)
            {
                return Draw(_texts.Count, i => i, count, random, accept);
            }
            var lines = _artistIds.TryGetValue(ArtistIdentity.Key(artist), out var a) ? _linesOfArtist[a] : [];
            return Draw(lines.Count, i => lines[i], count, random, accept);
        }
    }

    /// <summary>Up to <paramref name="count"/> lines filed under <paramref name="endKey"/> (of one artist when named) that pass <paramref name="accept"/>.</summary>
    public IReadOnlyList<int> Rhyming(string endKey, string? artist, int count, Random random, Func<int, bool>? accept = null)
    {
        lock (_gate)
        {
            if (endKey.Length == 0 || !_keyIds.TryGetValue(endKey, out var key))
            {
                return [];
            }
            var artistId = ArtistId(artist);
            var lines = _linesOfKey[key];
            if (ReadsArtistLines(key, artistId))
            {
                var own = _linesOfArtist[artistId];
                return Draw(own.Count, i => own[i], count, random, id => _keyOf[id] == key && (accept?.Invoke(id) ?? true), scanUpTo: FullScan);
            }
            return Draw(lines.Count, i => lines[i], count, random, id => (artistId == -1 || _artistOf[id] == artistId) && (accept?.Invoke(id) ?? true));
        }
    }

    /// <summary>
    /// Whether a line could keep the rhyme <paramref name="id"/> opens: another line under its end-rhyme key, by
    /// <paramref name="artist"/> when one is named, ending in another word, not gone, and accepted. Reads the key's
    /// lines, or the artist's when they are fewer, up to <see cref="PartnerScan"/> of them.
    /// </summary>
    public bool HasRhymingPartner(int id, string? artist, Func<int, bool> accept)
    {
        lock (_gate)
        {
            var key = _keyOf[id];
            if (_keys[key].Length == 0)
            {
                return false;
            }
            var artistId = ArtistId(artist);
            var lines = ReadsArtistLines(key, artistId) ? _linesOfArtist[artistId] : _linesOfKey[key];
            for (var i = 0; i < Math.Min(lines.Count, PartnerScan); i++)
            {
                var other = lines[i];
                if (other != id && _keyOf[other] == key && !_gone[other] && (artistId == -1 || _artistOf[other] == artistId)
                    && _lastWordOf[other] != _lastWordOf[id] && accept(other))
                {
                    return true;
                }
            }
            return false;
        }
    }

    public double InverseDocumentFrequency(string term)
    {
        lock (_gate)
        {
            return Math.Log((_lines + 1.0) / (_documentFrequency.GetValueOrDefault(term) + 1.0)) + 1;
        }
    }

    // -1: any artist's lines; -2: an artist the index has no lines of. Called under the gate.
    private int ArtistId(string? artist) => artist is null ? -1 : _artistIds.GetValueOrDefault(ArtistIdentity.Key(artist), -2);

    // An artist's few lines in a large bucket: their lines are read for the key rather than the bucket probed.
    private bool ReadsArtistLines(int key, int artistId) => artistId >= 0 && _linesOfArtist[artistId].Count < _linesOfKey[key].Count;

    // An artist's lines are read whole up to this many when only some of them are wanted.
    private const int FullScan = 50_000;

    // Lines read for a partner of each candidate opening a rhyme: of hundreds of candidates, none may read a whole bucket.
    private const int PartnerScan = 5_000;

    // A small bucket is read whole, in a shuffled order; a large one is probed at random, a bounded number of times.
    private List<int> Draw(int size, Func<int, int> lineAt, int count, Random random, Func<int, bool>? accept, int scanUpTo = 0)
    {
        var picked = new List<int>(Math.Min(count, size));
        var seen = new HashSet<int>();
        if (size <= Math.Max(count * 8, scanUpTo))
        {
            var order = Enumerable.Range(0, size).ToArray();
            random.Shuffle(order);
            foreach (var i in order)
            {
                var id = lineAt(i);
                if (picked.Count < count && !_gone[id] && (accept?.Invoke(id) ?? true) && seen.Add(id))
                {
                    picked.Add(id);
                }
            }
            return picked;
        }
        for (var attempt = 0; attempt < count * 8 && picked.Count < count; attempt++)
        {
            var id = lineAt(random.Next(size));
            if (!_gone[id] && (accept?.Invoke(id) ?? true) && seen.Add(id))
            {
                picked.Add(id);
            }
        }
        return picked;
    }

    private void Remove(int first, int count)
    {
        for (var id = first; id < first + count; id++)
        {
            _gone[id] = true;
            foreach (var term in Terms.Of(_texts[id]).Distinct())
            {
                _documentFrequency[term]--;
            }
        }
        _lines -= count;
    }

    private static int IdOf(Dictionary<string, int> ids, List<string> names, string key, List<List<int>> buckets, string name)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            id = names.Count;
            ids[key] = id;
            names.Add(name);
            buckets.Add([]);
        }
        return id;
    }
}
