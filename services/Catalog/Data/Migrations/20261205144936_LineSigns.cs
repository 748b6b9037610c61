using System;
using System.Collections;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class LineSigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "line_signs",
                schema: "catalog",
                columns: table => new
                {
                    TrackId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Signs = table.Column<BitArray>(type: "bit varying", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_signs", x => new { x.TrackId, x.ModelId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_line_signs_tracks_TrackId",
                        column: x => x.TrackId,
                        principalSchema: "catalog",
                        principalTable: "tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // USE-Lite's line signs (the only model enrichment makes lines of), compared by Hamming distance. Denser than
            // pgvector's default graph (m 16, ef_construction 64): on the search tests' 40 clustered neighbourhoods the
            // default one left islands, and 3 of 6 builds lost whole queries (recall@10 0.90-0.975); these 6 of 6 at 1.0.
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_line_signs_use_lite_hnsw" ON catalog.line_signs
                USING hnsw (("Signs"::bit(512)) bit_hamming_ops) WITH (m = 24, ef_construction = 128)
                WHERE "ModelId" = 'use-lite-en@0.2.0';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "line_signs",
                schema: "catalog");
        }
    }
}
