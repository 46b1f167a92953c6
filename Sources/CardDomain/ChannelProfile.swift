/// One channel as a screen profile (DECISIONS.md D1, D2): its logins, and for each flow the
/// entry button, disclaimer, steps, labels and pickup options, exactly as DOMAIN.md A.13
/// tabulates them. Loaded from Resources/Data/channels.json; one flow engine runs them all.
public struct ChannelProfile: Codable, Equatable, Sendable {
    public struct LoginMethod: Codable, Equatable, Sendable {
        /// How the method works here (D10): account (real), platformCode (a one-time code
        /// approved through the identity port), certificate, or sms (a code sent to the phone).
        public enum Mechanism: String, Codable, Sendable {
            case account, platformCode, certificate, sms
        }
        public var id: String
        public var label: String
        public var mechanism: Mechanism

        public init(id: String, label: String, mechanism: Mechanism) {
            self.id = id
            self.label = label
            self.mechanism = mechanism
        }
    }

    public struct LoginGroup: Codable, Equatable, Sendable {
        /// person, unitOperator or staff.
        public var actor: String
        public var tab: String
        /// A consent to tick before the methods (京通's 同意).
        public var consent: String?
        /// 民生一卡通's 实名认证 after login.
        public var realNameAuthentication: Bool?
        public var methods: [LoginMethod]
    }

    public struct Disclaimer: Codable, Equatable, Sendable {
        /// popup or page
        public var style: String
        public var consent: String
        public var proceed: String
    }

    public struct EligibilityCheck: Codable, Equatable, Sendable {
        public var consent: String
        public var button: String
    }

    public struct Step: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        /// Field ids (see channels.json's defaultLabels).
        public var fields: [String]
        public var nextButton: String

        public init(id: String, title: String, fields: [String], nextButton: String) {
            self.id = id
            self.title = title
            self.fields = fields
            self.nextButton = nextButton
        }
    }

    public struct PickupOption: Codable, Equatable, Sendable {
        public var method: PickupMethod
        public var label: String

        public init(method: PickupMethod, label: String) {
            self.method = method
            self.label = label
        }
    }

    /// A popup before the disclaimer (民生一卡通's 二次弹框 with 【确认信息】).
    public struct EntryPopup: Codable, Equatable, Sendable {
        public var message: String
        public var button: String
    }

    /// One applicant flow of the channel (the retiree's application, the employee's
    /// confirmation): everything the wizard engine needs to run it, as data.
    public struct Flow: Codable, Equatable, Sendable {
        public var entryButton: String
        public var entryPopup: EntryPopup?
        public var disclaimer: Disclaimer
        public var eligibilityCheck: EligibilityCheck?
        public var steps: [Step]
        public var pickup: [PickupOption]
        public var finalConsent: String
        public var submitButton: String
        public var secondConfirmation: String?
        public var successMessage: String
        public var successMessageIsPlaceholder: Bool
        /// Whether the applicant may choose another branch of the fixed bank (D6: employees
        /// in 京通 and 民生一卡通); otherwise the branch is fixed too.
        public var branchChoice: Bool?

        /// The field ids the steps ask, each once.
        public var askedFields: Set<String> { Set(steps.flatMap(\.fields)) }

        /// The mail fields this flow asks for.
        public var mailFields: Set<String> { askedFields.intersection(ChannelProfile.mailFieldIDs) }

        /// The flow's word for a pickup method (个人网点领卡, 银行邮寄, 单位代领, ...).
        public func pickupLabel(_ method: PickupMethod?) -> String {
            pickup.first { $0.method == method }?.label ?? method?.rawValue ?? ""
        }
    }

    public static let mailFieldIDs: Set<String> = ["recipientName", "recipientPhone", "mailDistrict", "postalCode", "mailAddress"]

    public var id: Channel
    public var name: String
    public var title: String
    /// The way to the channel's entry, as its manual gives it (民生一卡通: the unit manual's
    /// 社保卡页 → 申请本人社会保障卡); `elderEntry` is the elder layout's, when it differs
    /// (民生一卡通's 长者版专区, the retiree manual's way).
    public var entry: String
    public var elderEntry: String?
    /// What the channel's manual says of the 制卡照片, shown on its photo step.
    public var photoRules: String?
    /// Whether the channel's retiree flow lives in an elder-friendly zone (民生一卡通 长者版专区).
    public var elderZone: Bool
    public var logins: [LoginGroup]
    /// Field id to label, already merged with the file's defaults by the loader.
    public var labels: [String: String]
    /// Fields shown only on a condition (the mail fields when 银行邮寄 is chosen), merged
    /// with the file's defaults by the loader.
    public var conditions: [String: FieldCondition]?
    public var retiree: Flow
    public var employee: Flow

    /// The label this channel gives a field, such as 发卡行名称 or 办卡银行 for `bank`.
    public func label(_ field: String) -> String { labels[field] ?? field }

    /// The flow an application of this kind went through.
    public func flow(_ kind: Application.Kind) -> Flow { kind == .unit ? employee : retiree }

    /// The channel's word for an application's pickup method, in the flow it went through.
    public func pickupLabel(_ method: PickupMethod?, kind: Application.Kind = .personal) -> String {
        flow(kind).pickupLabel(method)
    }

    /// The condition on which `field` shows, if it has one.
    public func condition(of field: String) -> FieldCondition? { conditions?[field] }
}
