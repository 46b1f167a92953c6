import CardDomain
import Testing

@Suite struct ApplicationStatusTests {
    typealias S = ApplicationStatus
    static let applicant: Set<Role> = [.person, .counterClerk]
    static let applicantOrUnit: Set<Role> = [.person, .counterClerk, .unitOperator]

    /// Every allowed move of D3 and who may make it; every other pair is refused.
    static let allowed: [S: [S: Set<Role>]] = [
        .awaitingConfirmation: [.confirmed: applicant, .withdrawn: applicantOrUnit],
        .confirmed: [.submitted: applicantOrUnit, .awaitingConfirmation: [.unitOperator], .withdrawn: applicantOrUnit],
        .submitted: [.inProduction: [.backOffice], .photoRejected: [.backOffice], .accountOpeningFailed: [.backOffice],
                     .withdrawn: applicantOrUnit],
        .inProduction: [.produced: [.backOffice], .productionFailed: [.backOffice]],
        .productionFailed: [.inProduction: [.backOffice]],
        .produced: [.awaitingPickup: [.backOffice], .mailed: [.backOffice]],
        .awaitingPickup: [.collected: [.backOffice]],
        .mailed: [.collected: [.backOffice]],
        .photoRejected: [.awaitingConfirmation: applicant],
        .accountOpeningFailed: [.awaitingConfirmation: applicant],
    ]

    @Test(arguments: S.allCases)
    func everyTransitionFromStatusIsAllowedOrRefusedForEveryRole(from: S) {
        for to in S.allCases {
            let expectedRoles = Self.allowed[from]?[to] ?? []
            for role in Role.allCases {
                let result = from.transition(to: to, by: role)
                if expectedRoles.contains(role) {
                    #expect(result == .success(to), "\(from.rawValue) -> \(to.rawValue) by \(role.rawValue)")
                } else {
                    guard case .failure(let refusal) = result else {
                        Issue.record("\(from.rawValue) -> \(to.rawValue) by \(role.rawValue) was allowed")
                        continue
                    }
                    #expect(!refusal.reason.isEmpty)
                }
            }
        }
    }

    @Test func onlyBackOfficeMovesPastSubmitted() {
        for status in S.allCases where ![.awaitingConfirmation, .confirmed, .submitted, .photoRejected, .accountOpeningFailed].contains(status) {
            for to in S.allCases {
                for role in Role.allCases where role != .backOffice {
                    #expect(status.rolesAllowed(to: to).contains(role) == false, "\(status.rawValue) -> \(to.rawValue)")
                }
            }
        }
    }

    @Test func refusalsExplainThemselves() {
        #expect(S.submitted.transition(to: .inProduction, by: .person)
                == .failure(StatusRefusal(from: .submitted, to: .inProduction, reason: "只有后台制卡审核可以将申请从「已提交」改为「制卡中」")))
        #expect(S.inProduction.transition(to: .withdrawn, by: .person)
                == .failure(StatusRefusal(from: .inProduction, to: .withdrawn, reason: "「制卡中」的申请不能改为「已撤销」")))
    }

    @Test func inProgressCoversConfirmedUpToCollected() {
        #expect(S.allCases.filter(\.isInProgress).count == 10)
        #expect(!S.awaitingConfirmation.isInProgress)
        #expect(!S.withdrawn.isInProgress)
        #expect(S.collected.isInProgress)  // holds a card: a second application is refused
    }
}
