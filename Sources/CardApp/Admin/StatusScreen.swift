import CardStore
import TerminalUI

/// 系统状态 on the administrator's home: the same figures as `sscard status`, a line each,
/// with the level's reasons first.
public struct StatusScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable { case refresh, back }

    public let status: DeploymentStatus
    public private(set) var form: Form

    init(status: DeploymentStatus) {
        self.status = status
        let style: Style = status.level == .ok ? .success : status.level == .warning ? .warning : .error
        let lines = status.lines
        var fields = [FormField(id: "level", control: .note(lines[0], style: style))]
        fields += lines.dropFirst().enumerated().map { FormField(id: "line\($0.offset)", control: .note($0.element, style: .normal)) }
        fields.append(FormField(id: "refresh", control: .button("刷新")))
        fields.append(FormField(id: "back", control: .button("返回首页")))
        form = Form(fields)
    }

    public var title: String { "系统状态" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("refresh"): return (event, .refresh)
        case .pressed("back"): return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
