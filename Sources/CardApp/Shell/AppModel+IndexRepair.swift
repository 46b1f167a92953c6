import TerminalUI

/// A read of the shared index found damage: nothing it answered is shown. The runtime
/// (full screen or line mode) notices this after each key or tick, before it draws, shows
/// `renderIndexRepair` while the index is rebuilt from the journal, and the session goes
/// on from its home page with a message, since what was on screen may have come from it.
extension AppModel {
    public var indexNeedsRepair: Bool { environment.repository.indexDamage != nil }

    /// The one line that says what is happening, in the person's words.
    public static let indexRepairNotice = "本机索引已损坏，已停止使用，正在从日志重建。请稍候，办理记录不会丢失。"

    public mutating func repairIndex(progress: @escaping (_ reached: UInt64, _ last: UInt64) -> Void) {
        do {
            let repair = try environment.repository.repairIndex(progress: progress)
            overlay = nil
            goHome()
            overlay = message("本机索引已重建",
                              "读取本机索引时发现损坏，已停止使用并从日志重建（到第 \(repair.position) 条记录）。"
                                  + "刚才的查询结果没有显示，请重新操作。", tone: .title, button: "确定")
        } catch {
            overlay = message("本机索引损坏", "本机索引已损坏，从日志重建失败：\(error)。在修复之前不能查询或办理，"
                                  + "请联系管理员运行 sscard index rebuild。")
        }
    }

    /// The whole screen while the index is rebuilt: the notice and how far it has come.
    public func renderIndexRepair(width: Int, height: Int, reached: UInt64, last: UInt64) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let percent = last == 0 ? 0 : Int(min(reached, last) * 100 / last)
        let lines = TextLayout.wrap(Self.indexRepairNotice, to: max(1, width - 4)) + ["", "重建进度 \(percent)%"]
        let top = max(0, (height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < height {
            canvas.write(line, row: top + offset, column: 2, style: offset < lines.count - 2 ? .warning : .title)
        }
        canvas.cursor = nil
        return canvas
    }
}
