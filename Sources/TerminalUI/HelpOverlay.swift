/// F1's help: what this screen is for and every key that works on it, in a box over the
/// screen. Any key closes it.
public struct HelpOverlay: Equatable, Sendable {
    public var title: String
    public var about: String
    public var hints: [KeyHint]

    public init(title: String, about: String, hints: [KeyHint]) {
        self.title = title
        self.about = about
        self.hints = hints
    }

    public static let commonHints: [KeyHint] = [
        KeyHint("Tab / Shift-Tab", "下一项 / 上一项"),
        KeyHint("方向键", "在选项和字段之间移动"),
        KeyHint("Enter", "确定，或进入下一步"),
        KeyHint("Space", "勾选 / 取消勾选"),
        KeyHint("Esc", "返回上一步（有未保存的输入时先询问）"),
        KeyHint("Ctrl-L", "重画屏幕"),
        KeyHint("F1", "显示本帮助"),
        KeyHint("F10", "退出（已登录时为退出登录）"),
    ]

    public func draw(on canvas: inout Canvas) {
        let inner = min(canvas.width - 8, 64)
        let aboutLines = TextLayout.wrap(about, to: inner)
        let keyWidth = hints.map { DisplayWidth.columns(of: $0.keys) }.max() ?? 0
        let height = min(canvas.height - 2, aboutLines.count + hints.count + 6)
        let rect = canvas.bounds.centred(width: inner + 4, height: height)
        canvas.box(rect, style: .title)
        canvas.writeCentred("帮助：\(title)", row: rect.row + 1, in: rect, style: .title)
        var row = rect.row + 2
        for line in aboutLines where row < rect.bottom - 2 {
            canvas.write(line, row: row, column: rect.column + 2, limit: inner)
            row += 1
        }
        row += 1
        for hint in hints where row < rect.bottom - 2 {
            canvas.write(TextLayout.pad(hint.keys, to: keyWidth), row: row, column: rect.column + 2, style: .accent)
            canvas.write(hint.action, row: row, column: rect.column + 4 + keyWidth, limit: inner - keyWidth - 2)
            row += 1
        }
        canvas.writeCentred("按任意键关闭帮助", row: rect.bottom - 2, in: rect, style: .muted)
        canvas.cursor = nil
    }
}
