using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RapAnalyzer.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeatureVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequestedVersion",
                schema: "catalog",
                table: "text_features",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "catalog",
                table: "text_features",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "feature_refreshes",
                schema: "catalog",
                columns: table => new
                {
                    TargetVersion = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestsSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feature_refreshes", x => x.TargetVersion);
                });

            migrationBuilder.CreateIndex(
                name: "IX_text_features_Version_RequestedVersion",
                schema: "catalog",
                table: "text_features",
                columns: new[] { "Version", "RequestedVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feature_refreshes",
                schema: "catalog");

            migrationBuilder.DropIndex(
                name: "IX_text_features_Version_RequestedVersion",
                schema: "catalog",
                table: "text_features");

            migrationBuilder.DropColumn(
                name: "RequestedVersion",
                schema: "catalog",
                table: "text_features");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "catalog",
                table: "text_features");
        }
    }
}
