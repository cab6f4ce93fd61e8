using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nodal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrashIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OrganizationId_DeletedAt",
                table: "Recommendations",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTransactions_OrganizationId_DeletedAt",
                table: "ProjectTransactions",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OrganizationId_DeletedAt",
                table: "Projects",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_OrganizationId_DeletedAt",
                table: "ProjectPartners",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_OrganizationId_DeletedAt",
                table: "PlanVersions",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OrganizationId_DeletedAt",
                table: "Plans",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeYears_OrganizationId_DeletedAt",
                table: "OfficeYears",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeUnits_OrganizationId_DeletedAt",
                table: "OfficeUnits",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganizationId_DeletedAt",
                table: "Objectives",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_OrganizationId_DeletedAt",
                table: "NetworkRoles",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_OrganizationId_DeletedAt",
                table: "NetworkMemberships",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Mitigations_OrganizationId_DeletedAt",
                table: "Mitigations",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_OrganizationId_DeletedAt",
                table: "Missions",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_DeletedAt",
                table: "Memberships",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipReports_OrganizationId_DeletedAt",
                table: "MembershipReports",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId_DeletedAt",
                table: "Measurements",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRecords_OrganizationId_DeletedAt",
                table: "MaturityRecords",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrganizationId_DeletedAt",
                table: "LedgerEntries",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_OrganizationId_DeletedAt",
                table: "IndicatorTargets",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId_DeletedAt",
                table: "Indicators",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Externalities_OrganizationId_DeletedAt",
                table: "Externalities",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_OrganizationId_DeletedAt",
                table: "Evaluations",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_OrganizationId_DeletedAt",
                table: "Departments",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_OrganizationId_DeletedAt",
                table: "Counterparts",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OrganizationId_DeletedAt",
                table: "Contacts",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Axes_OrganizationId_DeletedAt",
                table: "Axes",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_OrganizationId_DeletedAt",
                table: "ApiTokens",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisItems_OrganizationId_DeletedAt",
                table: "AnalysisItems",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alliances_OrganizationId_DeletedAt",
                table: "Alliances",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganizationId_DeletedAt",
                table: "Agreements",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDocuments_OrganizationId_DeletedAt",
                table: "AgreementDocuments",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_DeletedAt",
                table: "Actions",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActionMilestones_OrganizationId_DeletedAt",
                table: "ActionMilestones",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActionBudgets_OrganizationId_DeletedAt",
                table: "ActionBudgets",
                columns: new[] { "OrganizationId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_OrganizationId_DeletedAt",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_ProjectTransactions_OrganizationId_DeletedAt",
                table: "ProjectTransactions");

            migrationBuilder.DropIndex(
                name: "IX_Projects_OrganizationId_DeletedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_ProjectPartners_OrganizationId_DeletedAt",
                table: "ProjectPartners");

            migrationBuilder.DropIndex(
                name: "IX_PlanVersions_OrganizationId_DeletedAt",
                table: "PlanVersions");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OrganizationId_DeletedAt",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_OfficeYears_OrganizationId_DeletedAt",
                table: "OfficeYears");

            migrationBuilder.DropIndex(
                name: "IX_OfficeUnits_OrganizationId_DeletedAt",
                table: "OfficeUnits");

            migrationBuilder.DropIndex(
                name: "IX_Objectives_OrganizationId_DeletedAt",
                table: "Objectives");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRoles_OrganizationId_DeletedAt",
                table: "NetworkRoles");

            migrationBuilder.DropIndex(
                name: "IX_NetworkMemberships_OrganizationId_DeletedAt",
                table: "NetworkMemberships");

            migrationBuilder.DropIndex(
                name: "IX_Mitigations_OrganizationId_DeletedAt",
                table: "Mitigations");

            migrationBuilder.DropIndex(
                name: "IX_Missions_OrganizationId_DeletedAt",
                table: "Missions");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganizationId_DeletedAt",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_MembershipReports_OrganizationId_DeletedAt",
                table: "MembershipReports");

            migrationBuilder.DropIndex(
                name: "IX_Measurements_OrganizationId_DeletedAt",
                table: "Measurements");

            migrationBuilder.DropIndex(
                name: "IX_MaturityRecords_OrganizationId_DeletedAt",
                table: "MaturityRecords");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_OrganizationId_DeletedAt",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorTargets_OrganizationId_DeletedAt",
                table: "IndicatorTargets");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_OrganizationId_DeletedAt",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Externalities_OrganizationId_DeletedAt",
                table: "Externalities");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_OrganizationId_DeletedAt",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Departments_OrganizationId_DeletedAt",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_Counterparts_OrganizationId_DeletedAt",
                table: "Counterparts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_OrganizationId_DeletedAt",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Axes_OrganizationId_DeletedAt",
                table: "Axes");

            migrationBuilder.DropIndex(
                name: "IX_ApiTokens_OrganizationId_DeletedAt",
                table: "ApiTokens");

            migrationBuilder.DropIndex(
                name: "IX_AnalysisItems_OrganizationId_DeletedAt",
                table: "AnalysisItems");

            migrationBuilder.DropIndex(
                name: "IX_Alliances_OrganizationId_DeletedAt",
                table: "Alliances");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_OrganizationId_DeletedAt",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_AgreementDocuments_OrganizationId_DeletedAt",
                table: "AgreementDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OrganizationId_DeletedAt",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_ActionMilestones_OrganizationId_DeletedAt",
                table: "ActionMilestones");

            migrationBuilder.DropIndex(
                name: "IX_ActionBudgets_OrganizationId_DeletedAt",
                table: "ActionBudgets");
        }
    }
}
