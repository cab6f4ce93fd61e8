using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nodal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Relations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarFeedSecret",
                table: "Organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DormancyMonths",
                table: "Organizations",
                type: "integer",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<string>(
                name: "IatiOrganisationId",
                table: "Organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "AgreementIds",
                table: "Actions",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "\'{}\'");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "CounterpartIds",
                table: "Actions",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "\'{}\'");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "ProjectIds",
                table: "Actions",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "\'{}\'");

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PartyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Subjects = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Signatories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Renewal = table.Column<int>(type: "integer", nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RenewsId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Commitments_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RenewalNotes_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RenewalNotes_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RenewalNotes_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Summary_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Summary_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Summary_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Agreements_RenewsId",
                        column: x => x.RenewsId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Counterparts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Population = table.Column<long>(type: "bigint", nullable: true),
                    GazetteerId = table.Column<int>(type: "integer", nullable: true),
                    NetworkCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Notes_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counterparts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Counterparts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IatiIdentifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OurRole = table.Column<int>(type: "integer", nullable: false),
                    Support = table.Column<int[]>(type: "integer[]", nullable: false),
                    Sectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    BeneficiaryCount = table.Column<int>(type: "integer", nullable: true),
                    AgreementIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Beneficiaries_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Beneficiaries_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Beneficiaries_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Description_En = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Description_Es = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Description_Fr = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Results_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Results_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Results_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementDocuments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementDocuments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Summary_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Summary_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Summary_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Missions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    EventKind = table.Column<int>(type: "integer", nullable: true),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CounterpartIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Delegation = table.Column<List<string>>(type: "text[]", nullable: false),
                    FollowUpActionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    EconomicImpact = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Agenda_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Agenda_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Agenda_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcomes_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcomes_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcomes_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_Missions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Missions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Alliances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AdheredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CoSignatoryIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OtherCoSignatories = table.Column<List<string>>(type: "text[]", nullable: false),
                    PromoterId = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpActionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Commitments_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Declaration_En = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Declaration_Es = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Declaration_Fr = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
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
                    table.PrimaryKey("PK_Alliances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alliances_Counterparts_PromoterId",
                        column: x => x.PromoterId,
                        principalTable: "Counterparts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Alliances_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterpartId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Counterparts_CounterpartId",
                        column: x => x.CounterpartId,
                        principalTable: "Counterparts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnualFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    WorkingGroups = table.Column<List<string>>(type: "text[]", nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Commitments_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Commitments_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Notes_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_Counterparts_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Counterparts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPartners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterpartId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    IatiRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IatiType = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectPartners_Counterparts_CounterpartId",
                        column: x => x.CounterpartId,
                        principalTable: "Counterparts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectPartners_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectPartners_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTransactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProviderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ReceiverName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTransactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectTransactions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectTransactions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
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
                    table.PrimaryKey("PK_MembershipReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipReports_NetworkMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "NetworkMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_NetworkMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "NetworkMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CalendarFeedSecret",
                table: "Organizations",
                column: "CalendarFeedSecret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDocuments_AgreementId",
                table: "AgreementDocuments",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDocuments_OrganizationId_AgreementId",
                table: "AgreementDocuments",
                columns: new[] { "OrganizationId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_LeadDepartmentId",
                table: "Agreements",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganizationId_Code",
                table: "Agreements",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganizationId_Status_ExpiresOn",
                table: "Agreements",
                columns: new[] { "OrganizationId", "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RenewsId",
                table: "Agreements",
                column: "RenewsId");

            migrationBuilder.CreateIndex(
                name: "IX_Alliances_OrganizationId_AdheredOn",
                table: "Alliances",
                columns: new[] { "OrganizationId", "AdheredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Alliances_PromoterId",
                table: "Alliances",
                column: "PromoterId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CounterpartId",
                table: "Contacts",
                column: "CounterpartId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OrganizationId_CounterpartId",
                table: "Contacts",
                columns: new[] { "OrganizationId", "CounterpartId" });

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_OrganizationId_Code",
                table: "Counterparts",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_OrganizationId_Country",
                table: "Counterparts",
                columns: new[] { "OrganizationId", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_OrganizationId_GazetteerId",
                table: "Counterparts",
                columns: new[] { "OrganizationId", "GazetteerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_OrganizationId_Kind_Name",
                table: "Counterparts",
                columns: new[] { "OrganizationId", "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AgreementId",
                table: "LedgerEntries",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrganizationId_AgreementId_On",
                table: "LedgerEntries",
                columns: new[] { "OrganizationId", "AgreementId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipReports_MembershipId",
                table: "MembershipReports",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipReports_OrganizationId_Due",
                table: "MembershipReports",
                columns: new[] { "OrganizationId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipReports_OrganizationId_MembershipId",
                table: "MembershipReports",
                columns: new[] { "OrganizationId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Missions_AgreementId",
                table: "Missions",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_LeadDepartmentId",
                table: "Missions",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_OrganizationId_AgreementId",
                table: "Missions",
                columns: new[] { "OrganizationId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Missions_OrganizationId_Start",
                table: "Missions",
                columns: new[] { "OrganizationId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_LeadDepartmentId",
                table: "NetworkMemberships",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_NetworkId",
                table: "NetworkMemberships",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_OrganizationId_NetworkId",
                table: "NetworkMemberships",
                columns: new[] { "OrganizationId", "NetworkId" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_MembershipId",
                table: "NetworkRoles",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_OrganizationId_MembershipId",
                table: "NetworkRoles",
                columns: new[] { "OrganizationId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_CounterpartId",
                table: "ProjectPartners",
                column: "CounterpartId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_OrganizationId_CounterpartId",
                table: "ProjectPartners",
                columns: new[] { "OrganizationId", "CounterpartId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_OrganizationId_ProjectId",
                table: "ProjectPartners",
                columns: new[] { "OrganizationId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_ProjectId",
                table: "ProjectPartners",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_LeadDepartmentId",
                table: "Projects",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OrganizationId_Code",
                table: "Projects",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OrganizationId_IatiIdentifier",
                table: "Projects",
                columns: new[] { "OrganizationId", "IatiIdentifier" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OrganizationId_Status",
                table: "Projects",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTransactions_OrganizationId_ProjectId_On",
                table: "ProjectTransactions",
                columns: new[] { "OrganizationId", "ProjectId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTransactions_ProjectId",
                table: "ProjectTransactions",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementDocuments");

            migrationBuilder.DropTable(
                name: "Alliances");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "MembershipReports");

            migrationBuilder.DropTable(
                name: "Missions");

            migrationBuilder.DropTable(
                name: "NetworkRoles");

            migrationBuilder.DropTable(
                name: "ProjectPartners");

            migrationBuilder.DropTable(
                name: "ProjectTransactions");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "NetworkMemberships");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Counterparts");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CalendarFeedSecret",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CalendarFeedSecret",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "DormancyMonths",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "IatiOrganisationId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "AgreementIds",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CounterpartIds",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ProjectIds",
                table: "Actions");
        }
    }
}
