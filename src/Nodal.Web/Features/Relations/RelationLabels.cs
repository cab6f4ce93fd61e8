namespace Nodal.Web.Features.Relations;

using Nodal.Core.Relations;

/// <summary>The words the interface shows for the relations registry's enumerations, in the user's language.</summary>
public static class RelationLabels
{
    public static string Label(this CounterpartKind v, IStringLocalizer L) => v switch
    {
        CounterpartKind.City => L["City"],
        CounterpartKind.LocalGovernment => L["Local or regional government"],
        CounterpartKind.CityNetwork => L["City network"],
        CounterpartKind.InternationalOrganization => L["International organization"],
        CounterpartKind.CooperationAgency => L["Cooperation agency"],
        CounterpartKind.EmbassyOrConsulate => L["Embassy or consulate"],
        CounterpartKind.Foundation => L["Foundation"],
        CounterpartKind.Company => L["Company"],
        CounterpartKind.UniversityOrResearch => L["University or research centre"],
        CounterpartKind.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this AgreementKind v, IStringLocalizer L) => v switch
    {
        AgreementKind.Twinning => L["Twinning (sister cities)"],
        AgreementKind.Friendship => L["Friendship agreement"],
        AgreementKind.MemorandumOfUnderstanding => L["Memorandum of understanding"],
        AgreementKind.Cooperation => L["Cooperation agreement"],
        AgreementKind.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this AgreementStatus v, IStringLocalizer L) => v switch
    {
        AgreementStatus.Draft => L["Draft"],
        AgreementStatus.LegalReview => L["Legal review"],
        AgreementStatus.Approved => L["Approved"],
        AgreementStatus.Signed => L["Signed"],
        AgreementStatus.Active => L["Active (agreement)"],
        AgreementStatus.Expired => L["Expired"],
        AgreementStatus.Terminated => L["Terminated"],
        AgreementStatus.Renewed => L["Renewed"],
        _ => v.ToString(),
    };

    public static string Label(this RenewalTerms v, IStringLocalizer L) => v switch
    {
        RenewalTerms.None => L["Not renewed"],
        RenewalTerms.Automatic => L["Renews automatically"],
        RenewalTerms.ByAgreement => L["Renewable by agreement"],
        _ => v.ToString(),
    };

    public static string Label(this LedgerKind v, IStringLocalizer L) => v switch
    {
        LedgerKind.Exchange => L["Exchange"],
        LedgerKind.Visit => L["Visit"],
        LedgerKind.Meeting => L["Meeting"],
        LedgerKind.Communication => L["Communication"],
        LedgerKind.Event => L["Event"],
        LedgerKind.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this NetworkRole v, IStringLocalizer L) => v switch
    {
        NetworkRole.Member => L["Member"],
        NetworkRole.Board => L["Board member"],
        NetworkRole.CoPresidency => L["Co-presidency"],
        NetworkRole.VicePresidency => L["Vice-presidency"],
        NetworkRole.RegionalSecretariat => L["Regional secretariat"],
        NetworkRole.ThematicLead => L["Thematic lead"],
        NetworkRole.Presidency => L["Presidency"],
        NetworkRole.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this CooperationKind v, IStringLocalizer L) => v switch
    {
        CooperationKind.Decentralized => L["Direct (decentralized) cooperation"],
        CooperationKind.SouthSouth => L["South-South cooperation"],
        CooperationKind.Triangular => L["Triangular cooperation"],
        _ => v.ToString(),
    };

    public static string Label(this ProjectRole v, IStringLocalizer L) => v switch
    {
        ProjectRole.Funder => L["Funder"],
        ProjectRole.Implementer => L["Implementer"],
        ProjectRole.Partner => L["Partner"],
        ProjectRole.Beneficiary => L["Beneficiary"],
        _ => v.ToString(),
    };

    public static string Label(this SupportKind v, IStringLocalizer L) => v switch
    {
        SupportKind.FinancialTransfer => L["Financial transfer"],
        SupportKind.TechnicalAssistance => L["Technical assistance"],
        SupportKind.CapacityBuilding => L["Capacity building"],
        SupportKind.InstitutionalStrengthening => L["Institutional strengthening"],
        _ => v.ToString(),
    };

    public static string Label(this ProjectStatus v, IStringLocalizer L) => v switch
    {
        ProjectStatus.Pipeline => L["Pipeline"],
        ProjectStatus.Implementation => L["Implementation"],
        ProjectStatus.Finalisation => L["Finalisation"],
        ProjectStatus.Closed => L["Closed"],
        ProjectStatus.Cancelled => L["Cancelled (project)"],
        ProjectStatus.Suspended => L["Suspended"],
        _ => v.ToString(),
    };

    public static string Label(this PartnerRole v, IStringLocalizer L) => v switch
    {
        PartnerRole.Funding => L["Funding"],
        PartnerRole.Accountable => L["Accountable"],
        PartnerRole.Extending => L["Extending"],
        PartnerRole.Implementing => L["Implementing"],
        _ => v.ToString(),
    };

    public static string Label(this TransactionKind v, IStringLocalizer L) => v switch
    {
        TransactionKind.IncomingFunds => L["Incoming funds"],
        TransactionKind.Commitment => L["Commitment"],
        TransactionKind.Disbursement => L["Disbursement"],
        TransactionKind.Expenditure => L["Expenditure"],
        TransactionKind.IncomingCommitment => L["Incoming commitment"],
        _ => v.ToString(),
    };

    public static string Label(this MissionKind v, IStringLocalizer L) => v switch
    {
        MissionKind.OutboundMission => L["Outbound mission"],
        MissionKind.InboundVisit => L["Inbound visit"],
        MissionKind.HostedEvent => L["Event hosted"],
        MissionKind.AttendedEvent => L["Event attended"],
        _ => v.ToString(),
    };

    public static string Label(this EventKind v, IStringLocalizer L) => v switch
    {
        EventKind.Fair => L["Fair"],
        EventKind.Congress => L["Congress"],
        EventKind.Summit => L["Summit"],
        EventKind.Sports => L["Sports event"],
        EventKind.Cultural => L["Cultural event"],
        EventKind.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this MissionStatus v, IStringLocalizer L) => v switch
    {
        MissionStatus.Planned => L["Planned"],
        MissionStatus.Done => L["Done"],
        MissionStatus.Cancelled => L["Cancelled"],
        _ => v.ToString(),
    };
}
