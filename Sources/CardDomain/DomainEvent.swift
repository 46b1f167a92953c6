/// Everything that changes state, said as what happened. Encoded as {"kind": ..., "data": ...}
/// inside an `EventEnvelope`; a kind this build does not know is kept as `.unrecognised`
/// and skipped, so a journal written by a newer version still replays.
public enum DomainEvent: Equatable, Sendable {
    case personRecorded(PersonRecord)
    case unitRecorded(UnitRecord)
    case accountRecorded(AccountRecord)
    /// 账号管理: an account created or changed by an administrator, or by itself (its password).
    case accountChanged(AccountChange)
    /// Staff opened a person's detail (D12: the journal records who looked at whom).
    case personViewed(personNumber: String)
    /// A step of an application was completed; the draft so far, to resume from (issue 5).
    case draftSaved(DraftSaved)
    case applicationSubmitted(ApplicationSubmitted)
    case statusChanged(StatusChanged)
    /// A sent-back application, corrected and submitted again (back to 已提交).
    case applicationResubmitted(ApplicationResubmitted)
    /// A try at account login, passed or failed (D10).
    /// A unit operator opened, changed or closed collective application (D5, D15).
    case collectiveSettingsSaved(CollectiveSettingsSaved)
    /// An employee confirmed (or changed) their card data (flow E, D14): 信息已确认.
    case employeeConfirmed(EmployeeConfirmed)
    /// A unit submitted a batch of employees (U2, D16); the moves to 已提交 follow as
    /// `statusChanged` events in the same append. Records who was skipped, and why.
    case employeesSubmitted(EmployeesSubmitted)
    case loginAttempted(LoginAttempt)
    /// A terminal showed a one-time login code (by its hash) for a platform login (D10).
    case loginCodeRequested(LoginCodeRequested)
    /// The identity port approved or denied a code.
    case loginCodeDecided(LoginCodeDecided)
    /// 手机号验证码登录 (民生一卡通): a code sent, and each code typed.
    case smsCodeSent(SMSCodeSent)
    case smsCodeChecked(SMSCodeChecked)
    /// 实名认证 passed, once per person and channel.
    case realNameVerified(RealNameVerified)
    /// 证书登录: a certificate revoked, and a wrong 证书密码.
    case certificateRevoked(CertificateRevoked)
    case certificatePasswordFailed(CertificatePasswordFailed)
    case journalExported(JournalExport)
    case unrecognised(kind: String)

    /// Who exported the journal unmasked, from where: the envelope says who and when.
    public struct JournalExport: Codable, Equatable, Sendable {
        public var scope: String
        public var fromSequence: UInt64
    }

    public struct CollectiveSettingsSaved: Codable, Equatable, Sendable {
        public var unitNumber: String
        public var settings: UnitRecord.CollectiveSettings

        public init(unitNumber: String, settings: UnitRecord.CollectiveSettings) {
            self.unitNumber = unitNumber
            self.settings = settings
        }
    }

    /// The first confirmation creates the unit application (kind .unit); a later one
    /// replaces its form and returns it to 信息已确认.
    public struct EmployeeConfirmed: Codable, Equatable, Sendable {
        public var applicationID: String
        public var personNumber: String
        public var unitNumber: String
        public var form: ApplicationForm

        public init(applicationID: String, personNumber: String, unitNumber: String, form: ApplicationForm) {
            self.applicationID = applicationID
            self.personNumber = personNumber
            self.unitNumber = unitNumber
            self.form = form
        }
    }

    public struct EmployeesSubmitted: Codable, Equatable, Sendable {
        public struct Skipped: Codable, Equatable, Sendable {
            public var applicationID: String
            public var reason: String

            public init(applicationID: String, reason: String) {
                self.applicationID = applicationID
                self.reason = reason
            }
        }

        public var unitNumber: String
        public var submitted: [String]
        public var skipped: [Skipped]

        public init(unitNumber: String, submitted: [String], skipped: [Skipped]) {
            self.unitNumber = unitNumber
            self.submitted = submitted
            self.skipped = skipped
        }
    }

    public struct LoginCodeRequested: Codable, Equatable, Sendable {
        public var codeHash: String
        public var method: String
        public var actor: String
        public var expiresAt: Int64
        /// The person the code may only be approved as, if any.
        public var expected: String?

        public init(codeHash: String, method: String, actor: String, expiresAt: Int64, expected: String? = nil) {
            self.codeHash = codeHash
            self.method = method
            self.actor = actor
            self.expiresAt = expiresAt
            self.expected = expected
        }
    }

    public struct LoginCodeDecided: Codable, Equatable, Sendable {
        public var codeHash: String
        public var decision: LoginCode.Decision

        public init(codeHash: String, decision: LoginCode.Decision) {
            self.codeHash = codeHash
            self.decision = decision
        }
    }

    public struct DraftSaved: Codable, Equatable, Sendable {
        public var personNumber: String
        /// The id of the last completed step in the channel's profile.
        public var step: String
        public var form: ApplicationForm

        public init(personNumber: String, step: String, form: ApplicationForm) {
            self.personNumber = personNumber
            self.step = step
            self.form = form
        }
    }

    public struct ApplicationSubmitted: Codable, Equatable, Sendable {
        public var applicationID: String
        public var personNumber: String
        public var unitNumber: String?
        public var kind: Application.Kind
        public var form: ApplicationForm

        public init(applicationID: String, personNumber: String, unitNumber: String?, kind: Application.Kind, form: ApplicationForm) {
            self.applicationID = applicationID
            self.personNumber = personNumber
            self.unitNumber = unitNumber
            self.kind = kind
            self.form = form
        }
    }

    public struct ApplicationResubmitted: Codable, Equatable, Sendable {
        public var applicationID: String
        public var from: ApplicationStatus
        public var form: ApplicationForm

        public init(applicationID: String, from: ApplicationStatus, form: ApplicationForm) {
            self.applicationID = applicationID
            self.from = from
            self.form = form
        }
    }

    public struct StatusChanged: Codable, Equatable, Sendable {
        public var applicationID: String
        public var from: ApplicationStatus
        public var to: ApplicationStatus
        public var reason: String?
        public var trackingNumber: String?

        public init(applicationID: String, from: ApplicationStatus, to: ApplicationStatus,
                    reason: String? = nil, trackingNumber: String? = nil) {
            self.applicationID = applicationID
            self.from = from
            self.to = to
            self.reason = reason
            self.trackingNumber = trackingNumber
        }
    }

    public var kind: String {
        switch self {
        case .personRecorded: return "personRecorded"
        case .unitRecorded: return "unitRecorded"
        case .accountRecorded: return "accountRecorded"
        case .accountChanged: return "accountChanged"
        case .personViewed: return "personViewed"
        case .draftSaved: return "draftSaved"
        case .applicationSubmitted: return "applicationSubmitted"
        case .statusChanged: return "statusChanged"
        case .applicationResubmitted: return "applicationResubmitted"
        case .collectiveSettingsSaved: return "collectiveSettingsSaved"
        case .employeeConfirmed: return "employeeConfirmed"
        case .employeesSubmitted: return "employeesSubmitted"
        case .loginAttempted: return "loginAttempted"
        case .loginCodeRequested: return "loginCodeRequested"
        case .loginCodeDecided: return "loginCodeDecided"
        case .smsCodeSent: return "smsCodeSent"
        case .smsCodeChecked: return "smsCodeChecked"
        case .realNameVerified: return "realNameVerified"
        case .certificateRevoked: return "certificateRevoked"
        case .certificatePasswordFailed: return "certificatePasswordFailed"
        case .journalExported: return "journalExported"
        case .unrecognised(let kind): return kind
        }
    }
}
