/// 申领: one application for one person's card, with its status (D3) and its timeline.
public struct Application: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// 个人申请: a retiree (or a clerk for them) applies.
        case personal
        /// 单位申请: an employee of a unit that opened collective application.
        case unit
    }

    /// One line of 我的办事's timeline: what happened, when, through which channel, by whom.
    public struct TimelineEntry: Codable, Equatable, Sendable {
        public var status: ApplicationStatus
        /// Microseconds since 1970 (UTC).
        public var at: Int64
        public var channel: Channel
        public var actor: String
        public var role: Role
        public var reason: String?
        public var trackingNumber: String?
    }

    /// 办事编号
    public var id: String
    public var personNumber: String
    public var unitNumber: String?
    public var kind: Kind
    public var channel: Channel
    /// The clerk who applied on the person's behalf (代办), when one did.
    public var assistedBy: String?
    public var status: ApplicationStatus
    public var form: ApplicationForm
    public var timeline: [TimelineEntry]

    /// A unit application the employee may still confirm or change (D14): not yet
    /// submitted by the unit.
    public var isOpenToConfirmation: Bool {
        kind == .unit && (status == .confirmed || status == .awaitingConfirmation)
    }
}
