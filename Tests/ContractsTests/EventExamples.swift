import Contracts
import Foundation

/// One realistic instance of every event type, and the other shapes some types take, built
/// from fixed resident IDs, regions and dates.
struct EventExamples {
    let key: PersonRefKey
    let jingtai: RegionCode  // 景泰县
    let husband, wife, adoptiveFather, adoptiveMother, child, deceased, widow: PersonRef

    init() throws {
        let key = try PersonRefKey(hex: String(repeating: "ab", count: 32))
        func person(_ residentID: String) throws -> PersonRef { PersonRef.derive(from: try ResidentID(residentID), key: key) }
        self.key = key
        jingtai = try RegionCode("620423")
        husband = try person("620423199003150016")
        wife = try person("620423199207080021")
        adoptiveFather = try person("620423196011040032")
        adoptiveMother = try person("620423195811200044")
        child = try person("620423201805020053")
        deceased = try person("620423194506120019")
        widow = try person("620423195203010028")
    }

    func date(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }
    func month(_ iso: String) throws -> YearMonth { try YearMonth(iso: iso) }

    /// One realistic instance per event type; a new type without one fails `everyTypeHasAnExampleAndASchema`.
    func examples() throws -> [String: any DomainEvent] {
        let person = PersonRef.derive(from: try ResidentID("11010519491231002X"), key: key)
        let died = DeathRecorded(
            recordID: UUID(), person: person, dateOfDeath: try CivilDate(iso: "2026-03-14"),
            region: try RegionCode("620423"), source: .hospital, recordedAt: Date())
        let marriageID = UUID()
        let applicationID = UUID()
        let adoptionID = UUID()
        let deathRecordID = UUID()
        let assistanceApplicationID = UUID()
        let caseID = UUID()
        let rosterID = UUID()
        let yitiaoshan = try RegionCode("620423100")  // 一条山镇
        let institutionID = UUID()
        let entryID = UUID()
        let listingID = UUID()
        let publicOperator = try CreditCode.make(authority: "1", type: "2", region: jingtai, organisationCodeBase8: "43900512")
        let socialOrganisation = try CreditCode.make(authority: "5", type: "2", region: jingtai, organisationCodeBase8: "MJ0Y1234")
        let roster = [
            RosterProgramTotal(program: .minimumLivingAllowance, households: 2, total: try Money(parsing: "1370.50")),
            RosterProgramTotal(program: .extremePoverty, households: 1, total: try Money(parsing: "930.10")),
        ]
        let funeral: [FuneralSubsidyItem] = [
            FuneralSubsidyItem(service: .transport, amount: Money(yuan: 300)),
            FuneralSubsidyItem(service: .storage, amount: Money(yuan: 200)),
            FuneralSubsidyItem(service: .cremation, amount: Money(yuan: 600)),
            FuneralSubsidyItem(service: .ashStorage, amount: Money(fen: 15_050)),
        ]
        let events: [any DomainEvent] = try [
            died,
            MarriageRegistered(
                marriageID: marriageID, certificateNumber: "J620423-01-2026-000123", partyA: husband, partyB: wife,
                office: "620423-01", region: jingtai, registeredOn: date("2026-05-20")),
            DivorceApplied(
                applicationID: applicationID, marriageID: marriageID, partyA: husband, partyB: wife,
                appliedOn: date("2026-03-09"), coolingOffEndsOn: date("2026-04-08"),
                registrationWindowEndsOn: date("2026-05-08")),
            DivorceWithdrawn(
                applicationID: applicationID, marriageID: marriageID, withdrawnOn: date("2026-03-27"),
                reason: .party, byParty: wife),
            DivorceRegistered(
                marriageID: marriageID, applicationID: applicationID, certificateNumber: "L620423-01-2026-000045",
                partyA: husband, partyB: wife, registeredOn: date("2026-04-15"), basis: .agreement,
                courtDocumentNumber: nil, office: "620423-01", region: jingtai),
            MarriageAnnulled(
                marriageID: marriageID, partyA: husband, partyB: wife, kind: .revocation,
                courtDocumentNumber: "（2026）甘0423民初1234号", effectiveOn: date("2026-06-30")),
            CertificateReissued(
                certificateNumber: "BJ620423-01-2026-000007", originalCertificateNumber: "J620423-01-2016-000388",
                kind: .marriage, marriageID: marriageID, applicant: wife, reissuedOn: date("2026-02-11"),
                office: "620423-01", region: jingtai),
            AdoptionRegistered(
                adoptionID: adoptionID, child: child, adopters: [adoptiveFather, adoptiveMother],
                registeredOn: date("2026-01-20"), region: jingtai, certificateNumber: "(2026)景收字第0003号"),
            AdoptionDissolved(
                adoptionID: adoptionID, child: child, adopters: [adoptiveFather, adoptiveMother],
                dissolvedOn: date("2026-09-01"), basis: .registration, documentNumber: "(2026)景解字第0001号"),
            DeathRecordCorrected(
                recordID: deathRecordID, person: deceased, previousDateOfDeath: date("2026-03-14"),
                dateOfDeath: date("2026-03-13"), region: jingtai, correctedAt: Date(),
                reason: "medical certificate gives 13 March; the report was mistyped"),
            DeathRecordAnnulled(
                recordID: deathRecordID, person: deceased, annulledDateOfDeath: date("2026-03-13"),
                annulledAt: Date(), reason: "reported under the wrong resident ID number"),
            CremationCompleted(
                serviceRecordID: UUID(), person: deceased, crematedOn: date("2026-03-16"),
                cremationCertificateNumber: "620423-HZ-2026-00412", facilityRegion: jingtai),
            BurialCompleted(
                serviceRecordID: UUID(), person: deceased, buriedOn: date("2026-04-04"),
                cemeteryPlot: "景泰县公益性公墓 树葬区 C-17", ecoBurial: true, region: jingtai),
            FuneralSubsidyGranted(
                grantID: UUID(), person: deceased, deathRecordID: deathRecordID, basis: .extremePoverty,
                services: funeral, total: try Money.sum(funeral.map(\.amount)), grantedOn: date("2026-03-15"),
                causationEventID: UUID(), crematedOn: date("2026-03-15")),
            BenefitGranted(
                caseID: UUID(), program: .minimumLivingAllowance, recipients: [adoptiveFather, adoptiveMother, child],
                region: try RegionCode("620423100"), startsOn: date("2025-07-01"),
                monthlyAmount: try Money(parsing: "1154.00"), causationEventID: nil),
            BenefitTerminated(
                caseID: UUID(), program: .extremePoverty, recipients: [deceased], region: jingtai,
                lastCoveredDay: date("2026-03-31"), reason: .death, causationEventID: UUID()),
            ApplicationSubmitted(
                applicationID: assistanceApplicationID, program: .minimumLivingAllowance, applicant: husband,
                members: [husband, wife, child], region: jingtai, intakeRegion: yitiaoshan,
                submittedOn: date("2026-02-03")),
            VerificationCompleted(
                applicationID: assistanceApplicationID, program: .minimumLivingAllowance, region: jingtai,
                members: [husband, wife, child], completedOn: date("2026-02-17"),
                monthlyIncomePerCapita: try Money(parsing: "312.50"), totalAssets: Money(yuan: 18_000),
                meetsMeansTest: true, findings: ["means-test.vehicle-below-threshold"],
                sources: ["tax", "social-insurance", "real-estate", "vehicle", "bank"]),
            ApplicationApproved(
                applicationID: assistanceApplicationID, caseID: caseID, program: .minimumLivingAllowance,
                applicant: husband, recipients: [husband, wife, child], region: jingtai,
                approvedOn: date("2026-02-26"), startsOn: date("2026-03-01"), monthlyAmount: try Money(parsing: "793.50"),
                approvedBy: .county),
            ApplicationRejected(
                applicationID: UUID(), program: .extremePoverty, applicant: widow, region: jingtai,
                rejectedOn: date("2026-03-05"), reasonCode: "extreme-poverty.has-supporter",
                reason: "有具备赡养能力的法定赡养义务人"),
            BenefitSuspended(
                caseID: caseID, program: .minimumLivingAllowance, recipients: [husband, wife, child], region: jingtai,
                person: husband, firstUnpaidMonth: month("2026-05"), reason: .death, causationEventID: UUID()),
            BenefitReinstated(
                caseID: caseID, program: .minimumLivingAllowance, recipients: [husband, wife, child], region: jingtai,
                person: husband, resumedFrom: month("2026-07"), backPaidMonths: [month("2026-05"), month("2026-06")],
                backPayAmount: try Money(parsing: "1587.00"), causationEventID: UUID()),
            BenefitPaid(
                rosterID: rosterID, caseID: caseID, program: .minimumLivingAllowance, recipients: [husband, wife, child],
                region: jingtai, month: month("2026-04"), amount: try Money(parsing: "793.50"), area: .rural),
            PaymentRosterGenerated(
                rosterID: rosterID, region: jingtai, month: month("2026-04"), households: 3, total: try Money.sum(roster.map(\.total)),
                programs: roster, skipped: 1, generatedAt: Date(),
                areas: [
                    RosterAreaTotal(area: .urban, program: .minimumLivingAllowance, households: 1, total: try Money(parsing: "577.00")),
                    RosterAreaTotal(area: .rural, program: .minimumLivingAllowance, households: 1, total: try Money(parsing: "793.50")),
                    RosterAreaTotal(area: .rural, program: .extremePoverty, households: 1, total: try Money(parsing: "930.10")),
                ]),
            OverpaymentRecoveryOpened(
                claimID: UUID(), caseID: UUID(), program: .extremePoverty, person: deceased, region: jingtai,
                dateOfDeath: date("2026-03-13"), months: [month("2026-04"), month("2026-05")],
                amount: Money(yuan: 1_500), causationEventID: UUID()),
            TemporaryAssistanceAdvanced(
                caseID: UUID(), kind: .urgent, person: wife, region: try RegionCode("620423100001"),
                reportedAt: Date(timeIntervalSince1970: 1_776_000_000), advancedAt: Date(timeIntervalSince1970: 1_776_036_000),
                amount: Money(yuan: 2_000), withinTarget: true, targetHours: 24),
            UrgentAdvanceOverdue(
                caseID: UUID(), person: wife, region: try RegionCode("620423100001"), township: yitiaoshan,
                reportedAt: Date(timeIntervalSince1970: 1_776_000_000), targetHours: 24, detectedAt: Date(timeIntervalSince1970: 1_776_090_000)),
            CityMinimumStandardSet(year: 2026, area: .rural, minimumLivingAllowance: Money(yuan: 520), previous: Money(yuan: 500),
                                   setOn: date("2026-01-05")),
            StandardPublished(
                region: jingtai, year: 2026, area: .urban, minimumLivingAllowance: Money(yuan: 577),
                extremePovertyBasic: try Money(parsing: "750.10"),
                extremePovertyCare: [
                    CareStandard(tier: .selfCaring, amount: Money(yuan: 180)),
                    CareStandard(tier: .partiallyDependent, amount: Money(yuan: 450)),
                    CareStandard(tier: .fullyDependent, amount: Money(yuan: 900)),
                ],
                warnings: ["standard.growth-below-floor"], overrideReason: nil, publishedOn: date("2026-01-10"),
                growthShortfalls: [
                    StandardGrowthShortfall(figure: .minimumLivingAllowance, tier: nil, previous: Money(yuan: 540), published: Money(yuan: 577),
                                            floorPermille: 100, basis: .configured, required: Money(yuan: 594), shortfall: Money(yuan: 17)),
                ],
                consumptionGrowthPermille: 53, effectiveFrom: month("2026-07")),
            CaseRerated(
                caseID: caseID, program: .minimumLivingAllowance, recipients: [husband, wife, child], region: jingtai, area: .urban,
                standardEffectiveFrom: month("2026-07"), from: month("2026-07"), previousAmount: try Money(parsing: "793.50"),
                newAmount: try Money(parsing: "853.50"), backPaidMonths: [month("2026-07"), month("2026-08")],
                backPayAmount: Money(yuan: 120)),
            LowIncomeRiskDetected(
                leadID: UUID(), householdID: UUID(), person: adoptiveMother, region: jingtai, signal: .medicalExpense,
                householdStatus: .nearLowIncome,
                explanation: "out-of-pocket medical expense 36000.00 exceeds the household's annual income",
                detectedOn: date("2026-04-02"), causationEventID: UUID()),
            OutreachLeadRaised(
                leadID: UUID(), person: widow, region: try RegionCode("620423100"), signal: .incomeLoss,
                explanation: "employment-services reported income-loss on 2026-04-01 for a person not known to Assistance; reach out (主动发现)",
                detectedOn: date("2026-04-02"), causationEventID: UUID()),
            LeadFollowedUp(leadID: UUID(), householdID: UUID(), person: adoptiveMother, region: jingtai, followedUpOn: date("2026-04-03")),
            LeadClosed(leadID: UUID(), householdID: UUID(), person: adoptiveMother, region: jingtai, detectedOn: date("2026-04-02"),
                       closedOn: date("2026-04-10")),
            DisabilitySubsidyCoverageCounted(region: jingtai, month: month("2026-04"), programs: [
                DisabilitySubsidyCoverageFigure(program: .living, eligible: 412, covered: 398),
                DisabilitySubsidyCoverageFigure(program: .nursing, eligible: 655, covered: 655)], countedOn: date("2026-04-06")),
            DisabilitySubsidyApplicationSubmitted(applicationID: UUID(), program: .nursing, applicant: child, region: jingtai,
                                                  intakeRegion: yitiaoshan, submittedOn: date("2026-03-02")),
            DisabilitySubsidyApplicationRejected(applicationID: UUID(), program: .living, applicant: child, region: jingtai,
                                                 rejectedOn: date("2026-03-20"), reasonCode: "certificate-expired",
                                                 reason: "残疾人证已过有效期，请换证后再申请"),
            DisabilitySubsidyGranted(subsidyID: UUID(), person: child, region: jingtai, program: .nursing,
                                     basis: "intellectual-or-mental-grade-3-or-4", firstMonth: month("2026-04"), monthlyAmount: Money(yuan: 110),
                                     applicationID: UUID()),
            DisabilitySubsidyStopped(subsidyID: UUID(), person: child, region: jingtai, program: .living, reason: .eligibilityEnded,
                                     lastPaidMonth: month("2026-10"), causationEventID: nil),
            DisabilitySubsidyRecoveryOpened(claimID: UUID(), subsidyID: UUID(), person: deceased, region: jingtai, program: .nursing,
                                            reason: .death, dateOfDeath: date("2026-02-20"), effectiveFrom: nil,
                                            months: [month("2026-03"), month("2026-04")], amount: Money(yuan: 200), causationEventID: UUID()),
            DisabilitySubsidyResumed(subsidyID: UUID(), person: deceased, region: jingtai, program: .living, resumedFrom: month("2026-03"),
                                     lastMonth: nil, backPaidMonths: [month("2026-03"), month("2026-04")], backPayAmount: Money(yuan: 160),
                                     causationEventID: UUID()),
            DisabilitySubsidyStandardSet(region: jingtai, program: .nursing, effectiveFrom: month("2026-07"), monthlyAmount: Money(yuan: 105),
                                         warnings: ["disability-standard.growth-below-floor"], reratedSubsidies: 12, setOn: date("2026-06-20")),
            DisabilitySubsidyPaid(rosterID: UUID(), subsidyID: UUID(), person: child, program: .nursing, region: jingtai,
                                  month: month("2026-04"), amount: Money(yuan: 110), area: .rural),
            DisabilitySubsidyRosterGenerated(rosterID: UUID(), region: jingtai, month: month("2026-04"), paid: 2, total: Money(yuan: 190),
                                             programs: [DisabilitySubsidyRosterTotal(program: .living, paid: 1, total: Money(yuan: 80)),
                                                        DisabilitySubsidyRosterTotal(program: .nursing, paid: 1, total: Money(yuan: 110))],
                                             skipped: 0, generatedAt: Date(timeIntervalSince1970: 1_775_000_000)),
            RiskSignalReported(
                signalID: UUID(), person: adoptiveMother, kind: .medicalExpense, reportedOn: date("2026-04-01"),
                agency: "medical-insurance", amount: Money(yuan: 36_000), detail: "inpatient, 2026-03-02 to 2026-03-28",
                region: try RegionCode("620423100")),
            // ElderCare: the elder register.
            ElderRegistered(person: widow, region: try RegionCode("620423100"), registeredOn: date("2026-03-02"), ageBand: .seventies),
            ElderCategoryChanged(person: widow, region: try RegionCode("620423100"), category: .extremePoverty, change: .added,
                                 origin: .derived, changedOn: date("2026-05-01"), causationEventID: UUID()),
            CapabilityAssessed(assessmentID: UUID(), person: widow, level: .severe, region: yitiaoshan, assessedOn: date("2026-04-08")),
            InstitutionFiled(
                institutionID: institutionID, name: "景泰县社会福利院", operatorCode: publicOperator, operatorKind: "public-body",
                ownership: "public", kind: "welfare-home", region: jingtai, filedOn: date("2026-01-05")),
            InstitutionGraded(institutionID: institutionID, region: jingtai, grade: 2, awardedOn: date("2026-06-30")),
            BedsChanged(
                institutionID: institutionID, region: jingtai, kind: "welfare-home",
                beds: [CareBedCount(type: .nursing, beds: 60, occupied: 31), CareBedCount(type: .dementia, beds: 10, occupied: 4),
                       CareBedCount(type: .general, beds: 50, occupied: 20)],
                changedOn: date("2026-07-01")),
            WaitingListJoined(entryID: entryID, person: widow, region: jingtai, priority: "extreme-poverty", appliedOn: date("2026-04-09")),
            PlacementOffered(entryID: entryID, person: widow, region: jingtai, institutionID: institutionID, bed: .nursing,
                             offeredOn: date("2026-04-20"), centralisedSupport: false),
            ResidentAdmitted(entryID: entryID, person: widow, region: jingtai, institutionID: institutionID, bed: .nursing,
                             priority: "dependent-extreme-poverty", admittedOn: date("2026-04-25")),
            ResidentDischarged(entryID: entryID, person: widow, region: jingtai, institutionID: institutionID, bed: .nursing,
                               dischargedOn: date("2026-09-02"), reason: "death", causationEventID: UUID()),
            OrganisationRegistered(creditCode: socialOrganisation, name: "景泰县康乐养老服务中心", region: jingtai, registeredOn: date("2025-11-03")),
            OrganisationDeregistered(creditCode: socialOrganisation, deregisteredOn: date("2026-12-01")),
            SeriousDishonestyListed(
                listingID: listingID, creditCode: socialOrganisation, region: jingtai, listedOn: date("2026-05-06"),
                expiresOn: date("2029-05-05"), reason: "社会组织信用信息管理办法 第十九条：被列入异常名录满两年仍未改正"),
            SeriousDishonestyDelisted(listingID: listingID, creditCode: socialOrganisation, delistedOn: date("2026-10-10"),
                                      reason: .creditRepaired),
            AllowanceStandardSet(
                region: jingtai, effectiveFrom: month("2026-07"),
                tiers: [AllowanceTierAmount(minimumAge: 80, monthlyAmount: Money(yuan: 100)),
                        AllowanceTierAmount(minimumAge: 90, monthlyAmount: Money(yuan: 200)),
                        AllowanceTierAmount(minimumAge: 100, monthlyAmount: Money(yuan: 500))],
                setOn: date("2026-06-10")),
            AllowanceGranted(allowanceID: UUID(), person: deceased, region: yitiaoshan, firstMonth: month("2026-07")),
            AllowancePaid(rosterID: rosterID, allowanceID: UUID(), person: deceased, region: yitiaoshan, month: month("2026-07"),
                          amount: Money(yuan: 100)),
            AllowanceRosterGenerated(rosterID: rosterID, region: jingtai, month: month("2026-07"), paid: 2, total: Money(yuan: 300),
                                     skipped: 1, generatedAt: Date(timeIntervalSince1970: 1_782_000_000)),
            AllowanceSuspended(allowanceID: UUID(), person: widow, region: jingtai, firstUnpaidMonth: month("2026-08")),
            AllowanceStopped(allowanceID: UUID(), person: deceased, region: yitiaoshan, dateOfDeath: date("2026-08-03"),
                             firstUnpaidMonth: month("2026-09"), recoveryClaimID: UUID(), recoveryMonths: [month("2026-09")],
                             recoveryAmount: Money(yuan: 100), causationEventID: UUID()),
            AllowanceResumed(allowanceID: UUID(), person: deceased, region: yitiaoshan, reason: .deathAnnulled,
                             resumedFrom: month("2026-09"), backPaidMonths: [month("2026-09")], backPayAmount: Money(yuan: 100),
                             causationEventID: UUID()),
            VisitCompleted(visitID: UUID(), person: widow, region: try RegionCode("620423100"), visitedOn: date("2026-05-03"),
                           mode: .inPerson, riskFlags: [.health, .safety]),
            VisitOverdue(person: widow, region: try RegionCode("620423100"), dueOn: date("2026-06-03"), cadence: .monthly,
                         detectedOn: date("2026-06-04")),
        ]
        return Dictionary(uniqueKeysWithValues: events.map { (Swift.type(of: $0).eventType.rawValue, $0) })
    }

    /// The other shapes an event type can take (the optionals `examples` leaves out, other enum
    /// cases with their own fields); together with `examples` they emit every schema property.
    func variants() throws -> [any DomainEvent] {
        let marriageID = UUID()
        return try [
            DivorceWithdrawn(
                applicationID: UUID(), marriageID: marriageID, withdrawnOn: date("2026-05-09"), reason: .expired,
                byParty: nil),
            DivorceRegistered(
                marriageID: marriageID, applicationID: nil, certificateNumber: nil, partyA: husband, partyB: wife,
                registeredOn: date("2026-07-02"), basis: .courtJudgment,
                courtDocumentNumber: "（2026）甘0423民初2087号"),
            MarriageAnnulled(
                marriageID: marriageID, partyA: husband, partyB: wife, kind: .annulment,
                courtDocumentNumber: "（2026）甘0423民初3001号", effectiveOn: date("2026-08-10")),
            AdoptionRegistered(
                adoptionID: UUID(), child: child, adopters: [adoptiveMother], registeredOn: date("2026-02-03"),
                region: try RegionCode("620423100"), certificateNumber: "(2026)景收字第0004号"),
            AdoptionDissolved(
                adoptionID: UUID(), child: child, adopters: [adoptiveMother], dissolvedOn: date("2026-10-12"),
                basis: .courtDocument, documentNumber: "（2026）甘0423民初4410号"),
            FuneralSubsidyGranted(
                grantID: UUID(), person: widow, deathRecordID: UUID(), basis: .allResidents,
                services: [FuneralSubsidyItem(service: .cremation, amount: Money(yuan: 600))],
                total: Money(yuan: 600), grantedOn: date("2026-11-02"), causationEventID: nil),
            BenefitGranted(
                caseID: UUID(), program: .temporaryAssistance, recipients: [wife], region: jingtai,
                startsOn: date("2026-02-01"), monthlyAmount: Money(yuan: 2000), causationEventID: UUID()),
            BenefitTerminated(
                caseID: UUID(), program: .minimumLivingAllowance, recipients: [husband, wife, child],
                region: jingtai, lastCoveredDay: date("2026-06-30"), reason: .incomeAboveStandard,
                causationEventID: nil),
            ApplicationApproved(
                applicationID: UUID(), caseID: UUID(), program: .extremePoverty, applicant: widow, recipients: [widow],
                region: jingtai, approvedOn: date("2026-04-20"), startsOn: date("2026-05-01"),
                monthlyAmount: try Money(parsing: "1200.10"), approvedBy: .township),
            BenefitSuspended(
                caseID: UUID(), program: .extremePoverty, recipients: [widow], region: jingtai, person: widow,
                firstUnpaidMonth: month("2026-09"), reason: .review, causationEventID: nil),
            BenefitReinstated(
                caseID: UUID(), program: .extremePoverty, recipients: [widow], region: jingtai, person: widow,
                resumedFrom: month("2026-10"), backPaidMonths: [], backPayAmount: .zero, causationEventID: nil),
            OverpaymentRecoveryOpened(
                claimID: UUID(), caseID: UUID(), program: .minimumLivingAllowance, person: deceased, region: jingtai,
                dateOfDeath: date("2026-01-28"), months: [month("2026-02")], amount: Money(yuan: 369),
                causationEventID: nil),
            TemporaryAssistanceAdvanced(
                caseID: UUID(), kind: .expenditure, person: husband, region: jingtai,
                reportedAt: Date(timeIntervalSince1970: 1_776_000_000), advancedAt: Date(timeIntervalSince1970: 1_776_180_000),
                amount: Money(yuan: 3_000), withinTarget: false, targetHours: 48),
            CityMinimumStandardSet(year: 2027, area: .urban, minimumLivingAllowance: Money(yuan: 700), previous: nil,
                                   setOn: date("2026-12-20")),
            StandardPublished(
                region: jingtai, year: 2026, area: .rural, minimumLivingAllowance: Money(yuan: 369),
                extremePovertyBasic: try Money(parsing: "466.70"),
                extremePovertyCare: [
                    CareStandard(tier: .selfCaring, amount: Money(yuan: 180)),
                    CareStandard(tier: .partiallyDependent, amount: Money(yuan: 450)),
                    CareStandard(tier: .fullyDependent, amount: Money(yuan: 900)),
                ],
                warnings: ["standard.extreme-poverty-below-1.3x-overridden", "standard.care-growth-below-floor"],
                overrideReason: "county budget approved 466.70 for 2026; raised from January 2027",
                publishedOn: date("2026-01-10"),
                growthShortfalls: [
                    StandardGrowthShortfall(figure: .extremePovertyCare, tier: .partiallyDependent, previous: Money(yuan: 420),
                                            published: Money(yuan: 450), floorPermille: 100, basis: .configured, required: Money(yuan: 462),
                                            shortfall: Money(yuan: 12)),
                ],
                consumptionGrowthPermille: -12),
            CaseRerated(
                caseID: UUID(), program: .extremePoverty, recipients: [widow], region: jingtai, area: .rural,
                standardEffectiveFrom: month("2026-01"), from: month("2026-03"), previousAmount: Money(yuan: 530),
                newAmount: try Money(parsing: "583.00"), backPaidMonths: [], backPayAmount: .zero),
            LowIncomeRiskDetected(
                leadID: UUID(), householdID: UUID(), person: husband, region: jingtai, signal: .unemployment,
                householdStatus: .recipient, explanation: "registered unemployed; review the household's income",
                detectedOn: date("2026-06-15"), causationEventID: nil),
            OutreachLeadRaised(
                leadID: UUID(), person: husband, region: jingtai, signal: .medicalExpense,
                explanation: "medical-insurance reported medical-expense for a person in a household that receives no assistance",
                detectedOn: date("2026-06-15"), causationEventID: nil),
            LeadFollowedUp(leadID: UUID(), householdID: nil, person: widow, region: try RegionCode("620423100"),
                           followedUpOn: date("2026-04-03")),
            LeadClosed(leadID: UUID(), householdID: nil, person: widow, region: try RegionCode("620423100"), detectedOn: date("2026-04-02"),
                       closedOn: date("2026-04-02")),
            DisabilitySubsidyGranted(subsidyID: UUID(), person: deceased, region: jingtai, program: .living,
                                     basis: "minimum-living-household", firstMonth: month("2026-01"), monthlyAmount: Money(yuan: 100)),
            DisabilitySubsidyStopped(subsidyID: UUID(), person: deceased, region: jingtai, program: .nursing, reason: .death,
                                     lastPaidMonth: month("2026-03"), causationEventID: UUID()),
            DisabilitySubsidyRecoveryOpened(claimID: UUID(), subsidyID: UUID(), person: child, region: jingtai, program: .living,
                                            reason: .amountLowered, dateOfDeath: nil, effectiveFrom: month("2026-02"),
                                            months: [month("2026-02")], amount: Money(yuan: 5), causationEventID: UUID()),
            DisabilitySubsidyResumed(subsidyID: UUID(), person: child, region: jingtai, program: .living, resumedFrom: month("2026-09"),
                                     lastMonth: month("2026-10"), backPaidMonths: [], backPayAmount: .zero, causationEventID: nil),
            DisabilitySubsidyStandardSet(region: jingtai, program: .living, effectiveFrom: month("2026-01"), monthlyAmount: Money(yuan: 80),
                                         warnings: [], reratedSubsidies: 0, setOn: date("2025-12-20")),
            DisabilitySubsidyPaid(rosterID: UUID(), subsidyID: UUID(), person: deceased, program: .living, region: jingtai,
                                  month: month("2026-03"), amount: Money(yuan: 100)),
            DisabilitySubsidyRosterGenerated(rosterID: UUID(), region: jingtai, month: month("2026-03"), paid: 0, total: .zero, programs: [],
                                             skipped: 3, generatedAt: Date(timeIntervalSince1970: 1_775_000_000)),
            RiskSignalReported(
                signalID: UUID(), person: husband, kind: .disabilityRegistration, reportedOn: date("2026-06-14"),
                agency: "disabled-persons-federation", amount: nil, detail: nil),
            ElderCategoryChanged(person: deceased, region: jingtai, category: .livingAlone, change: .removed, origin: .recorded,
                                 changedOn: date("2026-06-20"), causationEventID: nil),
            PlacementOffered(entryID: UUID(), person: deceased, region: jingtai, institutionID: UUID(), bed: .general,
                             offeredOn: date("2026-05-02"), centralisedSupport: true),
            ResidentDischarged(entryID: UUID(), person: husband, region: jingtai, institutionID: UUID(), bed: .dementia,
                               dischargedOn: date("2026-09-02"), reason: "left-voluntarily", causationEventID: nil),
            SeriousDishonestyListed(
                listingID: UUID(), creditCode: try CreditCode.make(authority: "5", type: "1", region: jingtai, organisationCodeBase8: "MJ0Y5678"),
                region: jingtai, listedOn: date("2026-05-06"), expiresOn: nil, reason: "社会组织信用信息管理办法 第十九条"),
            AllowanceStopped(allowanceID: UUID(), person: widow, region: jingtai, dateOfDeath: date("2026-08-31"),
                             firstUnpaidMonth: month("2026-09"), recoveryClaimID: nil, recoveryMonths: [], recoveryAmount: .zero,
                             causationEventID: nil),
            AllowanceResumed(allowanceID: UUID(), person: widow, region: jingtai, reason: .proofOfLife, resumedFrom: month("2026-10"),
                             backPaidMonths: [], backPayAmount: .zero, causationEventID: nil),
            AllowanceResumed(allowanceID: UUID(), person: widow, region: jingtai, reason: .deathCorrected, resumedFrom: month("2026-09"),
                             backPaidMonths: [month("2026-09")], backPayAmount: Money(yuan: 100), causationEventID: UUID()),
        ]
    }
}
