using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <summary>
    /// The line signs leave Postgres's HNSW index for a scan in memory (Search/LineSignsInMemory.cs): the index is
    /// dropped, and triggers note each track whose lines change, with the changing transaction's id, for every
    /// replica's copy to catch up from.
    /// </summary>
    public partial class LineSignsInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP INDEX IF EXISTS catalog."IX_line_signs_use_lite_hnsw";

                CREATE TABLE catalog.line_sign_changes (
                    "TrackId" uuid PRIMARY KEY,
                    "Xid" xid8 NOT NULL);
                CREATE INDEX "IX_line_sign_changes_Xid" ON catalog.line_sign_changes ("Xid");

                CREATE FUNCTION catalog.note_line_sign_changes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO catalog.line_sign_changes ("TrackId", "Xid")
                    SELECT DISTINCT "TrackId", pg_current_xact_id() FROM changed
                    ON CONFLICT ("TrackId") DO UPDATE SET "Xid" = EXCLUDED."Xid";
                    RETURN NULL;
                END $$;

                CREATE TRIGGER line_signs_inserted AFTER INSERT ON catalog.line_signs
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.note_line_sign_changes();
                CREATE TRIGGER line_signs_updated AFTER UPDATE ON catalog.line_signs
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.note_line_sign_changes();
                CREATE TRIGGER line_signs_deleted AFTER DELETE ON catalog.line_signs
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.note_line_sign_changes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER line_signs_inserted ON catalog.line_signs;
                DROP TRIGGER line_signs_updated ON catalog.line_signs;
                DROP TRIGGER line_signs_deleted ON catalog.line_signs;
                DROP FUNCTION catalog.note_line_sign_changes();
                DROP TABLE catalog.line_sign_changes;
                CREATE INDEX "IX_line_signs_use_lite_hnsw" ON catalog.line_signs
                USING hnsw (("Signs"::bit(512)) bit_hamming_ops) WITH (m = 24, ef_construction = 128)
                WHERE "ModelId" = 'use-lite-en@0.2.0';
                """);
        }
    }
}
