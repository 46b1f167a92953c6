/// One entry of the bottom bar and the help overlay: a key and what it does here.
public struct KeyHint: Equatable, Sendable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }

    /// The keys every screen shares, in the order the bottom bar shows them.
    public static let next = KeyHint("Tab", "下一项")
    public static let confirm = KeyHint("Enter", "确定")
    public static let back = KeyHint("Esc", "返回")
    public static let help = KeyHint("F1", "帮助")
    public static let quit = KeyHint("F10", "退出")
    public static let logout = KeyHint("F10", "退出登录")
}
