using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Pgvector;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class Enrichment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "analyses",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    Analyzer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResultJson = table.Column<string>(type: "jsonb", nullable: false),
                    ElapsedMs = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_analyses_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quality_scores",
                schema: "catalog",
                columns: table => new
                {
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quality_scores", x => new { x.TrackId, x.ModelVersion });
                    table.ForeignKey(
                        name: "FK_quality_scores_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spotify_tracks",
                schema: "catalog",
                columns: table => new
                {
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpotifyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Popularity = table.Column<int>(type: "integer", nullable: false),
                    Album = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReleaseDate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    Explicit = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spotify_tracks", x => x.TrackId);
                    table.ForeignKey(
                        name: "FK_spotify_tracks_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "text_features",
                schema: "catalog",
                columns: table => new
                {
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Sections = table.Column<int>(type: "integer", nullable: false),
                    Words = table.Column<int>(type: "integer", nullable: false),
                    UniqueWords = table.Column<int>(type: "integer", nullable: false),
                    TypeTokenRatio = table.Column<double>(type: "double precision", nullable: false),
                    Syllables = table.Column<int>(type: "integer", nullable: false),
                    SyllablesPerLine = table.Column<double>(type: "double precision", nullable: false),
                    SyllablesPerLineVariance = table.Column<double>(type: "double precision", nullable: false),
                    RhymeDensity = table.Column<double>(type: "double precision", nullable: false),
                    EndRhymeScheme = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MultisyllableRhymes = table.Column<int>(type: "integer", nullable: false),
                    Readability = table.Column<double>(type: "double precision", nullable: false),
                    ArtistWords = table.Column<string[]>(type: "text[]", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_text_features", x => x.TrackId);
                    table.ForeignKey(
                        name: "FK_text_features_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "track_embeddings",
                schema: "catalog",
                columns: table => new
                {
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Vector = table.Column<Vector>(type: "vector", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_track_embeddings", x => new { x.TrackId, x.ModelId });
                    table.ForeignKey(
                        name: "FK_track_embeddings_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analyses_TrackId_CreatedAt",
                schema: "catalog",
                table: "analyses",
                columns: new[] { "TrackId", "CreatedAt" });

            // One approximate index per embedding model, over that model's vectors only, so vectors of
            // different models (and dimensions) share the table but are never compared.
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_track_embeddings_use_lite_hnsw" ON catalog.track_embeddings
                USING hnsw (("Vector"::vector(512)) vector_cosine_ops)
                WHERE "ModelId" = 'use-lite-en@0.2.0';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analyses",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "quality_scores",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "spotify_tracks",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "text_features",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "track_embeddings",
                schema: "catalog");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:vector", ",,");
        }
    }
}
