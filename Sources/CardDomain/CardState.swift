/// The read models, rebuilt by replaying the journal: persons by document number, units,
/// accounts, applications by id, by person, by unit and by status, and drafts. Persons,
/// applications and drafts usually sit in the shared index, with this process's recent
/// changes on top (`PersonDirectory`, `ApplicationBook`). Who viewed
/// whom is journalled but not held here (see `PersonView`): no decision reads it, and at a
/// district's scale it is most of the events. `apply` is the only way it changes, so replay
/// gives exactly the live state.
public struct CardState: Codable, Equatable, Sendable {
    /// A saved, unsubmitted application: where to resume, with what was entered.
    public struct Draft: Codable, Equatable, Sendable {
        public var channel: Channel
        public var step: String
        public var form: ApplicationForm
        public var savedAt: Int64
        public var savedBy: String
    }

    /// 参保人员: the district's directory, usually a shared index with recent changes on top.
    public internal(set) var persons = PersonDirectory()
    public internal(set) var units: [String: UnitRecord] = [:]
    public internal(set) var accounts: [String: AccountRecord] = [:]
    /// 申领 and drafts, usually a shared index with recent changes on top.
    public internal(set) var applications = ApplicationBook()
    /// Wrong passwords in a row per account, since its last success or lock (D10).
    public internal(set) var loginFailures: [String: Int] = [:]
    /// Accounts locked until a time (µs since 1970).
    public internal(set) var loginLocks: [String: Int64] = [:]
    /// Terminals whose last login try failed: the next try there needs a captcha.
    public internal(set) var captchaTerminals: Set<String> = []
    /// Accounts whose last try failed: the next try for them needs a captcha at any
    /// terminal, so a script that takes a new terminal name each run still meets it.
    public internal(set) var captchaAccounts: Set<String> = []
    /// One-time login codes by hash (D10), pending, decided or used.
    public internal(set) var loginCodes: [String: LoginCode] = [:]
    /// 手机号验证码登录 by phone number: the last code and the wrong tries.
    public internal(set) var smsLogins: [String: SMSLogin] = [:]
    /// The channels on which each person has passed 实名认证.
    public internal(set) var realNames: [String: Set<Channel>] = [:]
    /// Revoked unit certificates by serial, with the reason.
    public internal(set) var revokedCertificates: [String: String] = [:]
    /// Wrong 证书密码 in a row per certificate serial, and the locks they brought.
    public internal(set) var certificateFailures: [String: Int] = [:]
    public internal(set) var certificateLocks: [String: Int64] = [:]
    /// Certificate login challenges already used, with when: a replayed signature is
    /// refused. A nonce is forgotten once its challenge must have expired (see `applyLogin`).
    public internal(set) var usedChallenges: [String: Int64] = [:]
    /// Events of kinds this build does not know, skipped during replay.
    public internal(set) var unrecognisedEvents = 0

    public init() {}

    /// Puts the shared index under the persons, applications and drafts.
    public mutating func attachShared(_ base: any PersonSource & ApplicationSource) {
        persons.attach(base)
        applications.attach(base)
    }

    /// This state without what the shared index holds, to compare the rest of two states
    /// held differently (one over a shared index, one in memory).
    public var withoutShared: CardState {
        var copy = self
        copy.persons = PersonDirectory()
        copy.applications = ApplicationBook()
        return copy
    }

    /// Lets the shared index answer once it holds everything up to `sequence`.
    public mutating func settleShared(through sequence: UInt64) {
        persons.settle(through: sequence)
        applications.settle(through: sequence)
    }

    public func person(_ number: String) -> PersonRecord? { persons.person(number) }

    /// A person by document number (any case of x) or by 卡预留手机号, as 账号登录 accepts.
    public func person(matching login: String) -> PersonRecord? {
        let key = login.uppercased()
        if let person = persons.person(key) { return person }
        return persons.documentNumber(ofMobile: login).flatMap { persons.person($0) }
    }

    /// The person's applications, oldest first.
    public func applications(ofPerson number: String) -> [Application] {
        applications.applications(applications.ids(ofPerson: number))
    }

    /// The unit's applications, in one status or in any, oldest first.
    public func applications(ofUnit number: String, in status: ApplicationStatus? = nil) -> [Application] {
        applications.applications(applications.briefs(ofUnit: number, in: status).map(\.id))
    }

    /// Applications in `status`, oldest first.
    public func applications(in status: ApplicationStatus) -> [Application] {
        applications(in: status, limit: .max)
    }

    /// The first `limit` applications in `status`, oldest first.
    public func applications(in status: ApplicationStatus, limit: Int) -> [Application] {
        applications.applications(applications.briefs(in: status, limit: limit).map(\.id))
    }

    public func applicationCount(in status: ApplicationStatus) -> Int {
        applications.statusCounts()[status] ?? 0
    }

    /// The person's saved, unsubmitted application, if any.
    public func draft(of person: String) -> Draft? { applications.draft(of: person) }

    /// The person's application that is in progress (D4), if any.
    public func applicationInProgress(of number: String) -> Application? {
        applications(ofPerson: number).first { $0.status.isInProgress }
    }
}
