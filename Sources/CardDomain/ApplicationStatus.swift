/// 办卡状态, DECISIONS.md D3. The main line is 待确认 -> 信息已确认 -> 已提交 -> 制卡中 ->
/// 制卡成功 -> 待领取 | 已寄出 -> 已领卡; side states send an application back or end it.
public enum ApplicationStatus: String, Codable, CaseIterable, Equatable, Sendable {
    case awaitingConfirmation = "待确认"
    case confirmed = "信息已确认"
    case submitted = "已提交"
    case inProduction = "制卡中"
    case produced = "制卡成功"
    case awaitingPickup = "待领取"
    case mailed = "已寄出"
    case collected = "已领卡"
    case photoRejected = "照片审核未通过"
    case accountOpeningFailed = "开户失败"
    case productionFailed = "制卡失败"
    case withdrawn = "已撤销"

    /// "In progress" for the eligibility check (D4): from 信息已确认 up to 已领卡.
    public var isInProgress: Bool {
        switch self {
        case .awaitingConfirmation, .withdrawn: return false
        default: return true
        }
    }

    /// Sent back for the applicant to correct and resubmit (D3).
    public var isSentBack: Bool { self == .photoRejected || self == .accountOpeningFailed }

    /// Whether the applicant's side (person, clerk for them, unit) may still change it.
    var isBeforeBackOffice: Bool {
        self == .awaitingConfirmation || self == .confirmed || self == .submitted
    }

    /// Who may move an application from this status to `next`; empty when no one may.
    public func rolesAllowed(to next: ApplicationStatus) -> Set<Role> {
        let applicant: Set<Role> = [.person, .counterClerk]
        let applicantOrUnit: Set<Role> = [.person, .counterClerk, .unitOperator]
        switch (self, next) {
        case (.awaitingConfirmation, .confirmed): return applicant
        // A personal application (retiree) is submitted by the person, from confirmed data.
        case (.confirmed, .submitted): return applicantOrUnit
        // The unit changed what it allows (D5): the employee must confirm again.
        case (.confirmed, .awaitingConfirmation): return [.unitOperator]
        case (.submitted, .inProduction), (.submitted, .photoRejected), (.submitted, .accountOpeningFailed),
             (.inProduction, .produced), (.inProduction, .productionFailed), (.productionFailed, .inProduction),
             (.produced, .awaitingPickup), (.produced, .mailed),
             (.awaitingPickup, .collected), (.mailed, .collected):
            return [.backOffice]
        // Sent back for the person to correct (D3).
        case (.photoRejected, .awaitingConfirmation), (.accountOpeningFailed, .awaitingConfirmation): return applicant
        case (_, .withdrawn) where isBeforeBackOffice: return applicantOrUnit
        default: return []
        }
    }

    /// The move, or why it is refused, in words for the screen.
    public func transition(to next: ApplicationStatus, by role: Role) -> Result<ApplicationStatus, StatusRefusal> {
        let allowed = rolesAllowed(to: next)
        if allowed.isEmpty {
            return .failure(StatusRefusal(from: self, to: next, reason: "「\(rawValue)」的申请不能改为「\(next.rawValue)」"))
        }
        guard allowed.contains(role) else {
            let who = Role.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: "、")
            return .failure(StatusRefusal(from: self, to: next, reason: "只有\(who)可以将申请从「\(rawValue)」改为「\(next.rawValue)」"))
        }
        return .success(next)
    }
}

/// A refused status change, with the reason shown to whoever tried it.
public struct StatusRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var from: ApplicationStatus
    public var to: ApplicationStatus
    public var reason: String
    public var description: String { reason }

    public init(from: ApplicationStatus, to: ApplicationStatus, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}
