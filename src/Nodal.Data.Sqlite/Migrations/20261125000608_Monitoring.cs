using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nodal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evaluators = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatorNames = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReportUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsGoodPractice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    SdgTargets = table.Column<string>(type: "TEXT", nullable: false),
                    Findings_En = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Findings_Es = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Findings_Fr = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Method_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Method_Es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Method_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PracticeSummary_En = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PracticeSummary_Es = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PracticeSummary_Fr = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evaluations_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Externalities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DriverObjectiveIds = table.Column<string>(type: "TEXT", nullable: false),
                    DriverActionIds = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WhoBearsCost_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoBearsCost_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoBearsCost_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoBenefits_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoBenefits_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoBenefits_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Externalities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Externalities_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Externalities_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaturityRecords_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Response_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Response_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Response_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Aggregation = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingLevels = table.Column<string>(type: "TEXT", nullable: false),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPeriod = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    OwnerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SdgIndicator = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DisaggregationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DisaggregationCategories = table.Column<string>(type: "TEXT", nullable: false),
                    GraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Definition_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Definition_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Departments_OwnerDepartmentId",
                        column: x => x.OwnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Externalities_ExternalityId",
                        column: x => x.ExternalityId,
                        principalTable: "Externalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mitigations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Measure_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Measure_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Measure_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mitigations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mitigations_Externalities_ExternalityId",
                        column: x => x.ExternalityId,
                        principalTable: "Externalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mitigations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Span = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BreakdownCategories = table.Column<string>(type: "TEXT", nullable: false),
                    BreakdownValues = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ValidatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measurements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measurements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_OrganizationId_Code",
                table: "Evaluations",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_OrganizationId_PlanId",
                table: "Evaluations",
                columns: new[] { "OrganizationId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_PlanId",
                table: "Evaluations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Externalities_OrganizationId_Code",
                table: "Externalities",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Externalities_OrganizationId_PlanId",
                table: "Externalities",
                columns: new[] { "OrganizationId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Externalities_PlanId",
                table: "Externalities",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ActionId",
                table: "Indicators",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ExternalityId",
                table: "Indicators",
                column: "ExternalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ObjectiveId",
                table: "Indicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId_Code",
                table: "Indicators",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId_ObjectiveId",
                table: "Indicators",
                columns: new[] { "OrganizationId", "ObjectiveId" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId_OwnerDepartmentId",
                table: "Indicators",
                columns: new[] { "OrganizationId", "OwnerDepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId_PlanId",
                table: "Indicators",
                columns: new[] { "OrganizationId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OwnerDepartmentId",
                table: "Indicators",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_PlanId",
                table: "Indicators",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProjectId",
                table: "Indicators",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_IndicatorId",
                table: "IndicatorTargets",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_OrganizationId_IndicatorId_Period",
                table: "IndicatorTargets",
                columns: new[] { "OrganizationId", "IndicatorId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRecords_OrganizationId_PlanId_TakenOn",
                table: "MaturityRecords",
                columns: new[] { "OrganizationId", "PlanId", "TakenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRecords_PlanId",
                table: "MaturityRecords",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_IndicatorId",
                table: "Measurements",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId_IndicatorId_Period",
                table: "Measurements",
                columns: new[] { "OrganizationId", "IndicatorId", "Period" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId_Status",
                table: "Measurements",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Mitigations_ExternalityId",
                table: "Mitigations",
                column: "ExternalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Mitigations_OrganizationId_ExternalityId",
                table: "Mitigations",
                columns: new[] { "OrganizationId", "ExternalityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_EvaluationId",
                table: "Recommendations",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OrganizationId_EvaluationId",
                table: "Recommendations",
                columns: new[] { "OrganizationId", "EvaluationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "MaturityRecords");

            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "Mitigations");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "Externalities");
        }
    }
}
