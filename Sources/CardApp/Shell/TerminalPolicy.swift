import CardDomain
import CardResources
import CardStore

/// The terminal app's policy from Resources/Data/terminal.json: kiosk idle times, the
/// smallest usable screen, the notes beside login tabs and methods, why a method is not
/// available here, and each role's home menu.
public struct TerminalPolicy: Decodable, Sendable {
    public struct Kiosk: Decodable, Sendable {
        public var idleSeconds: Int
        public var warningSeconds: Int
        public var elderIdleSeconds: Int
        public var elderWarningSeconds: Int
    }

    public struct MinimumSize: Decodable, Sendable {
        public var columns: Int
        public var rows: Int
    }

    public struct HomeItem: Decodable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var detail: String
    }

    public var kiosk: Kiosk
    public var minimumSize: MinimumSize
    /// A staff session idle this long hides its screen and asks for the password again.
    public var staffLockSeconds: Int
    /// 长者版: at most this many fields on one screen; a longer step is split into pages.
    public var elderFieldsPerPage: Int
    /// What happens after submission, per pickup method (PickupMethod's raw value), for the
    /// success screen and the counter's receipt.
    public var nextSteps: [String: String]

    /// What happens next for an application picked up by `method`.
    func nextSteps(after method: PickupMethod?) -> String {
        method.flatMap { nextSteps[$0.rawValue] } ?? ""
    }
    public var tabNotes: [String: String]
    public var methodNotes: [String: String]
    /// Role's raw value (个人, 窗口经办, ...) to its menu.
    public var home: [String: [HomeItem]]
    /// When `sscard status` and 系统状态 warn, and when they call it critical.
    public var status: StatusThresholds

    public static func load() throws -> TerminalPolicy {
        try CardResources.decode("terminal", as: TerminalPolicy.self)
    }
}
