/// One channel as a screen profile (DECISIONS.md D1, D2): its logins, and for each flow the
/// entry button, disclaimer, steps, labels and pickup options, exactly as DOMAIN.md A.13
/// tabulates them. Loaded from Resources/Data/channels.json; one flow engine runs them all.
public struct ChannelProfile: Codable, Equatable, Sendable {
    public struct LoginMethod: Codable, Equatable, Sendable {
        /// How the method works here (D10): account (real), platformCode (a one-time code
        /// approved through the identity port) or certificate.
        public enum Mechanism: String, Codable, Sendable {
            case account, platformCode, certificate
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
    }

    public struct PickupOption: Codable, Equatable, Sendable {
        public var method: PickupMethod
        public var label: String
    }

    public struct RetireeFlow: Codable, Equatable, Sendable {
        public var entryButton: String
        public var disclaimer: Disclaimer
        public var eligibilityCheck: EligibilityCheck?
        public var steps: [Step]
        public var pickup: [PickupOption]
        public var finalConsent: String
        public var submitButton: String
        public var secondConfirmation: String?
        public var successMessage: String
        public var successMessageIsPlaceholder: Bool
    }

    public struct EmployeeFlow: Codable, Equatable, Sendable {
        public var entryButton: String
        public var pickup: [PickupOption]
        public var finalConsent: String
        public var submitButton: String
    }

    public var id: Channel
    public var name: String
    public var title: String
    public var entry: String
    /// Whether the channel's retiree flow lives in an elder-friendly zone (民生一卡通 长者版专区).
    public var elderZone: Bool
    public var logins: [LoginGroup]
    /// Field id to label, already merged with the file's defaults by the loader.
    public var labels: [String: String]
    public var retiree: RetireeFlow
    public var employee: EmployeeFlow?

    /// The label this channel gives a field, such as 发卡行名称 or 办卡银行 for `bank`.
    public func label(_ field: String) -> String { labels[field] ?? field }

    /// The channel's word for a retiree's pickup method (个人网点领卡, 银行邮寄, ...).
    public func pickupLabel(_ method: PickupMethod?) -> String {
        retiree.pickup.first { $0.method == method }?.label ?? method?.rawValue ?? ""
    }

    /// The mail fields this channel's retiree flow asks for.
    public var retireeMailFields: Set<String> {
        Set(retiree.steps.flatMap(\.fields)).intersection(["recipientName", "recipientPhone", "mailDistrict", "postalCode", "mailAddress"])
    }
}
