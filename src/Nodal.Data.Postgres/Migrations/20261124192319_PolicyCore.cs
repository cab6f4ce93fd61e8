using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nodal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PolicyCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    CityPlanName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CityPlanUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CityPlanObjectives = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AdoptionAct = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    CityModel_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CityModel_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CityModel_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Vision_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Vision_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Vision_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnalysisItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Statement_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statement_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statement_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnalysisItems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnalysisItems_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Axes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    AnalysisItemIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Description_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Description_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Description_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Name_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Name_Es = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Name_Fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Axes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Axes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Axes_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Family = table.Column<int>(type: "integer", nullable: false),
                    AxisIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OwnerDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    SdgTargets = table.Column<List<string>>(type: "text[]", nullable: false),
                    CityPlanObjective = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LegalBasis_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LegalBasis_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statement_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statement_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statement_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objectives_Departments_OwnerDepartmentId",
                        column: x => x.OwnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objectives_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objectives_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AdoptedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AdoptionAct = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FrozenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    AttachedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedByDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Modality = table.Column<int>(type: "integer", nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvolvedDepartmentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    AxisIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Partners = table.Column<List<string>>(type: "text[]", nullable: false),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Cities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    BeneficiaryCount = table.Column<int>(type: "integer", nullable: true),
                    SdgTargets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Beneficiaries_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Beneficiaries_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Beneficiaries_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Description_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Departments_RequestedByDepartmentId",
                        column: x => x.RequestedByDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Planned = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionBudgets_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionBudgets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Title_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionMilestones_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionMilestones_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionBudgets_ActionId",
                table: "ActionBudgets",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionBudgets_OrganizationId_ActionId_Year",
                table: "ActionBudgets",
                columns: new[] { "OrganizationId", "ActionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionMilestones_ActionId",
                table: "ActionMilestones",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionMilestones_OrganizationId_ActionId",
                table: "ActionMilestones",
                columns: new[] { "OrganizationId", "ActionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_LeadDepartmentId",
                table: "Actions",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ObjectiveId",
                table: "Actions",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_Code",
                table: "Actions",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_LeadDepartmentId",
                table: "Actions",
                columns: new[] { "OrganizationId", "LeadDepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_ObjectiveId",
                table: "Actions",
                columns: new[] { "OrganizationId", "ObjectiveId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_PlanId_Status",
                table: "Actions",
                columns: new[] { "OrganizationId", "PlanId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PlanId",
                table: "Actions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_RequestedByDepartmentId",
                table: "Actions",
                column: "RequestedByDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisItems_OrganizationId_PlanId_SortOrder",
                table: "AnalysisItems",
                columns: new[] { "OrganizationId", "PlanId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisItems_PlanId",
                table: "AnalysisItems",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Axes_OrganizationId_PlanId_Priority",
                table: "Axes",
                columns: new[] { "OrganizationId", "PlanId", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Axes_PlanId",
                table: "Axes",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganizationId_PlanId_Code",
                table: "Objectives",
                columns: new[] { "OrganizationId", "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OwnerDepartmentId",
                table: "Objectives",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_PlanId",
                table: "Objectives",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OrganizationId_IsCurrent",
                table: "Plans",
                columns: new[] { "OrganizationId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_OrganizationId_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "OrganizationId", "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId",
                table: "PlanVersions",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionBudgets");

            migrationBuilder.DropTable(
                name: "ActionMilestones");

            migrationBuilder.DropTable(
                name: "AnalysisItems");

            migrationBuilder.DropTable(
                name: "Axes");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
