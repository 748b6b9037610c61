using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <summary>
    /// Re-keys every artist by <c>ArtistIdentity.Key</c> and merges the artists that now share a key into the first
    /// stored (Ids are version 7 UUIDs, so the smallest is the oldest), which keeps its name and takes the others'
    /// tracks. The SQL applies the C# rule with Postgres' own Unicode data: NFKC, then NFD with the combining marks of
    /// the Unicode blocks of diacritics dropped, every character that is not a letter or digit dropped (the database's
    /// C.UTF-8 classification), lower case. They agree on every Latin, Greek and Cyrillic name; where .NET's and glibc's
    /// Unicode tables differ (a combining mark outside those blocks, a letter one of them does not know yet) the artist's
    /// next track, keyed in C#, starts a second artist.
    /// </summary>
    public partial class ArtistIdentityKey : Migration
    {
        private const string CompatibleName = """normalize("Name", NFKC)""";

        private const string Key = $"""
            left(lower(regexp_replace(normalize({CompatibleName}, NFD),
                '[^[:alnum:]]|[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u02BB\u02BC]', '', 'g')), 300)
            """;

        // A name of symbols only keeps its symbols, without spaces.
        private const string SymbolsKey = $"""left(lower(regexp_replace({CompatibleName}, '[[:space:]]', '', 'g')), 300)""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TEMPORARY TABLE artist_keys ON COMMIT DROP AS
                SELECT "Id", "Key", first_value("Id") OVER (PARTITION BY "Key" ORDER BY "Id") AS "KeeperId"
                FROM (SELECT "Id", CASE WHEN {Key} = '' THEN {SymbolsKey} ELSE {Key} END AS "Key" FROM catalog.artists) AS keyed;

                UPDATE catalog.tracks AS t SET "ArtistId" = k."KeeperId"
                FROM artist_keys AS k WHERE t."ArtistId" = k."Id" AND k."Id" <> k."KeeperId";

                DELETE FROM catalog.artists AS a
                USING artist_keys AS k WHERE a."Id" = k."Id" AND k."Id" <> k."KeeperId";

                UPDATE catalog.artists AS a SET "NormalizedName" = k."Key"
                FROM artist_keys AS k WHERE a."Id" = k."Id" AND a."NormalizedName" <> k."Key";
                """);
        }

        /// <summary>The former key (lower case, spaces collapsed); the merged artists stay merged.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE catalog.artists
                SET "NormalizedName" = lower(regexp_replace(regexp_replace("Name", '^[[:space:]]+|[[:space:]]+$', '', 'g'), '[[:space:]]+', ' ', 'g'));
                """);
        }
    }
}
