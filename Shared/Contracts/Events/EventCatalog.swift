/// Every integration event type of the suite. The schema test walks this list,
/// so an event type without a JSON Schema beside it fails the build's tests.
public enum EventCatalog {
    public static let all: [any DomainEvent.Type] = [
        // Registry: deaths and funerals.
        DeathRecorded.self,
        DeathRecordCorrected.self,
        DeathRecordAnnulled.self,
        CremationCompleted.self,
        BurialCompleted.self,
        FuneralSubsidyGranted.self,
        // Registry: marriages.
        MarriageRegistered.self,
        DivorceApplied.self,
        DivorceWithdrawn.self,
        DivorceRegistered.self,
        MarriageAnnulled.self,
        CertificateReissued.self,
        // Registry: adoptions.
        AdoptionRegistered.self,
        AdoptionDissolved.self,
        // Assistance: applications.
        ApplicationSubmitted.self,
        VerificationCompleted.self,
        ApplicationApproved.self,
        ApplicationRejected.self,
        // Assistance: cases and payments.
        BenefitGranted.self,
        BenefitSuspended.self,
        BenefitReinstated.self,
        BenefitTerminated.self,
        BenefitPaid.self,
        PaymentRosterGenerated.self,
        OverpaymentRecoveryOpened.self,
        CaseRerated.self,
        TemporaryAssistanceAdvanced.self,
        UrgentAdvanceOverdue.self,
        // Assistance: standards and low-income monitoring.
        StandardPublished.self,
        CityMinimumStandardSet.self,
        LowIncomeRiskDetected.self,
        OutreachLeadRaised.self,
        LeadFollowedUp.self,
        LeadClosed.self,
        // Assistance: the disability two subsidies (残疾人两项补贴).
        DisabilitySubsidyApplicationSubmitted.self,
        DisabilitySubsidyApplicationRejected.self,
        DisabilitySubsidyGranted.self,
        DisabilitySubsidyStopped.self,
        DisabilitySubsidyPaid.self,
        DisabilitySubsidyRosterGenerated.self,
        DisabilitySubsidyStandardSet.self,
        DisabilitySubsidyRecoveryOpened.self,
        DisabilitySubsidyResumed.self,
        DisabilitySubsidyCoverageCounted.self,
        // Monitoring: partner agencies' risk signals.
        RiskSignalReported.self,
        // ElderCare: the elder register.
        ElderRegistered.self,
        ElderCategoryChanged.self,
        // ElderCare: assessment, institutions and beds, the waiting list.
        CapabilityAssessed.self,
        InstitutionFiled.self,
        InstitutionGraded.self,
        BedsChanged.self,
        WaitingListJoined.self,
        PlacementOffered.self,
        ResidentAdmitted.self,
        ResidentDischarged.self,
        // SocialOrg: registrations and the serious-dishonesty list (the contract it will publish).
        OrganisationRegistered.self,
        OrganisationDeregistered.self,
        SeriousDishonestyListed.self,
        SeriousDishonestyDelisted.self,
        // ElderCare: the advanced-age allowance (高龄津贴).
        AllowanceStandardSet.self,
        AllowanceGranted.self,
        AllowancePaid.self,
        AllowanceRosterGenerated.self,
        AllowanceSuspended.self,
        AllowanceStopped.self,
        AllowanceResumed.self,
        // ElderCare: visits.
        VisitCompleted.self,
        VisitOverdue.self,
    ]

    public static func type(named rawValue: String) -> (any DomainEvent.Type)? {
        all.first { $0.eventType.rawValue == rawValue }
    }
}
