using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <summary>
    /// The text search document of each track: title (weight A), artist (B) and lyrics (C) under the <c>simple</c>
    /// configuration, so rap spellings ("gettin", "ballin") are not stemmed and short words ("i", "u") stay searchable.
    /// The artist's name lives in another table, which a generated column cannot read: triggers keep the column
    /// current when a track is stored or revised and when its artist's name changes. Not mapped in the EF model: no
    /// query reads it through EF, and EF would otherwise send and read back a large value on every write.
    /// </summary>
    public partial class SearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE catalog.tracks ADD COLUMN "SearchText" tsvector;

                CREATE FUNCTION catalog.track_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."SearchText" :=
                           setweight(to_tsvector('simple', coalesce(NEW."Title", '')), 'A')
                        || setweight(to_tsvector('simple', coalesce((SELECT a."Name" FROM catalog.artists a WHERE a."Id" = NEW."ArtistId"), '')), 'B')
                        || setweight(to_tsvector('simple', coalesce(NEW."Lyrics", '')), 'C');
                    RETURN NEW;
                END $$;

                CREATE TRIGGER track_search_text BEFORE INSERT OR UPDATE OF "Title", "Lyrics", "ArtistId" ON catalog.tracks
                    FOR EACH ROW EXECUTE FUNCTION catalog.track_search_text();

                CREATE FUNCTION catalog.artist_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE catalog.tracks SET "ArtistId" = "ArtistId" WHERE "ArtistId" = NEW."Id";
                    RETURN NULL;
                END $$;

                CREATE TRIGGER artist_search_text AFTER UPDATE OF "Name" ON catalog.artists
                    FOR EACH ROW WHEN (OLD."Name" IS DISTINCT FROM NEW."Name") EXECUTE FUNCTION catalog.artist_search_text();

                UPDATE catalog.tracks SET "ArtistId" = "ArtistId";

                CREATE INDEX "IX_tracks_search_text" ON catalog.tracks USING gin ("SearchText");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER artist_search_text ON catalog.artists;
                DROP FUNCTION catalog.artist_search_text();
                DROP TRIGGER track_search_text ON catalog.tracks;
                DROP FUNCTION catalog.track_search_text();
                ALTER TABLE catalog.tracks DROP COLUMN "SearchText";
                """);
        }
    }
}
