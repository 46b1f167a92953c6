/// What someone asks the system to do. `CardState.decide` validates and authorises a
/// command and answers with the events to append, or a refusal; nothing is appended first.
public enum Command: Equatable, Sendable {
    /// Master data (D11): administrators, imports and the demo seed.
    case recordPerson(PersonRecord)
    case recordUnit(UnitRecord)
    case recordAccount(AccountRecord)
    /// 账号管理 (D18): an administrator's change to an account, or an account's own password.
    case changeAccount(AccountRequest)
    /// 注册 and 忘记密码: a person proven by 姓名, 身份证号 and the SMS code sent to their
    /// 卡预留手机号 sets their 账号登录 password. The code is checked by the caller against its
    /// hash (scrypt); the lock, the expiry and the tries are checked here, under the lock.
    case setPasswordWithSMS(personNumber: String, codeMatched: Bool, passwordHash: String)
    /// Open a person's detail; staff views are recorded (D12).
    case viewPerson(personNumber: String)
    /// A completed step of a person's application.
    case saveDraft(personNumber: String, step: String, form: ApplicationForm)
    /// A personal application (retiree), by the person or a clerk for them.
    case submitApplication(personNumber: String, form: ApplicationForm)
    case withdrawApplication(applicationID: String)
    /// The applicant corrects an application sent back (照片审核未通过, 开户失败) and sends
    /// it again: the whole corrected form, checked as a new submission would be.
    case resubmitApplication(applicationID: String, form: ApplicationForm)
    /// 单位开通集体申请 (D5): open, change or close the unit's collective application. A
    /// change that takes away what confirmed employees chose sends them back (D15).
    case saveCollectiveSettings(unitNumber: String, settings: UnitRecord.CollectiveSettings)
    /// An employee confirms (or changes, D14) their card data, by themselves or a clerk for them.
    case confirmEmployeeData(personNumber: String, form: ApplicationForm)
    /// 职工申请信息提交 (U2, D16): the ticked employees' confirmations, each with the time of
    /// the confirmation the operator saw, submitted as one batch. One that changed since
    /// (or is no longer 信息已确认) is skipped and named.
    case submitEmployees(unitNumber: String, items: [SubmissionItem])
    /// A move along D3, with the reason for a side state and the tracking number for 已寄出.
    case changeStatus(applicationID: String, to: ApplicationStatus, reason: String? = nil, trackingNumber: String? = nil)

    /// A try at account login (D10). The password is checked by the caller against the
    /// stored hash (scrypt is too slow to run under the journal's lock); the lock is
    /// checked again here, under it.
    /// Every try is recorded, refused or not: a wrong captcha and a try while locked too.
    case recordLoginAttempt(username: String?, method: String, passwordMatched: Bool, captcha: CaptchaAnswer = .notAsked)

    /// A terminal shows a one-time code for a platform login (D10): only its hash is kept.
    /// `expected` is the person a code may only be approved as (实名认证's face check).
    case requestLoginCode(codeHash: String, method: String, actor: String, expected: String? = nil)
    /// The identity port (the platform, or `sscard auth approve|deny`) decides a code: the
    /// identity (证件号码 for a person, 单位编号 for a unit), or a denial with its reason.
    case decideLoginCode(code: String, identity: String?, reason: String?)
    /// The terminal logs in with its approved code, once, before it expires.
    case completeCodeLogin(codeHash: String)

    /// 手机号验证码登录: send a code to a 卡预留手机号 (only its scrypt hash is recorded).
    case requestSMSCode(phone: String, codeHash: String)
    /// A typed code, checked by the caller against the hash (scrypt is too slow for the
    /// journal's lock); the lock and the expiry are checked here, under it.
    case checkSMSCode(phone: String, codeMatched: Bool)
    /// 实名认证: the person's 姓名 and 身份证号 matched, and the face check through the
    /// identity port (an approved code) found the same person.
    case completeRealName(personNumber: String, codeHash: String)

    /// 证书登录: revoke a certificate (administrator, `sscard ca revoke`); a wrong 证书密码
    /// (the key's decryption is tried by the terminal); a login the terminal has verified.
    case revokeCertificate(serial: String, reason: String)
    /// `key` is the key file's fingerprint, `unit` the 统一社会信用代码 on the certificate beside it.
    case failCertificatePassword(serial: String, key: String, unit: String?)
    case completeCertificateLogin(CertificateLogin)

    /// An export of the journal with whole ID and phone numbers (`journal dump --full`):
    /// recorded before the export starts, as a view of everyone is (D12).
    case recordJournalExport(scope: String, fromSequence: UInt64)

    /// A short name for lists and tests.
    public var name: String {
        switch self {
        case .recordPerson: return "recordPerson"
        case .recordUnit: return "recordUnit"
        case .recordAccount: return "recordAccount"
        case .changeAccount: return "changeAccount"
        case .setPasswordWithSMS: return "setPasswordWithSMS"
        case .viewPerson: return "viewPerson"
        case .saveDraft: return "saveDraft"
        case .submitApplication: return "submitApplication"
        case .withdrawApplication: return "withdrawApplication"
        case .resubmitApplication: return "resubmitApplication"
        case .saveCollectiveSettings: return "saveCollectiveSettings"
        case .confirmEmployeeData: return "confirmEmployeeData"
        case .submitEmployees: return "submitEmployees"
        case .changeStatus: return "changeStatus"
        case .recordLoginAttempt: return "recordLoginAttempt"
        case .recordJournalExport: return "recordJournalExport"
        case .requestLoginCode: return "requestLoginCode"
        case .decideLoginCode: return "decideLoginCode"
        case .completeCodeLogin: return "completeCodeLogin"
        case .requestSMSCode: return "requestSMSCode"
        case .checkSMSCode: return "checkSMSCode"
        case .completeRealName: return "completeRealName"
        case .revokeCertificate: return "revokeCertificate"
        case .failCertificatePassword: return "failCertificatePassword"
        case .completeCertificateLogin: return "completeCertificateLogin"
        }
    }
}
