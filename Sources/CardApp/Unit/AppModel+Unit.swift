import CardDomain
import CardStore
import TerminalUI

/// Flow U1 for the unit operator: open, change or close collective application (D5, D15).
/// A change that sends confirmed employees back is named, with how many, before it is saved.
extension AppModel {
    /// The operator's unit's form, filled with what it saved last.
    mutating func openUnitSettings() {
        catchUp()
        guard let number = session?.actor.unitNumber, let unit = environment.repository.state.units[number] else {
            return overlay = message("单位开通集体申请", "没有查到您所属的单位，请联系管理员核实账号。", tone: .error)
        }
        page = .unitSettings(UnitSettingsScreen(unit: unit, reference: reference))
    }

    mutating func handleUnitSettings(_ key: Key, _ screen: UnitSettingsScreen, now: Int64) {
        var screen = screen
        if key == .escape { return goHome() }
        let (_, action) = screen.handle(key)
        page = .unitSettings(screen)
        guard case .submit(let settings)? = action else { return }
        let problems = CollectiveSettingsCheck.problems(settings, reference: reference, today: today)
        guard problems.isEmpty else {
            let byID = problems.compactMap { problem in
                CollectiveSettingsCheck.labels.first { $0.value == problem.field }.map { (field: $0.key, message: problem.message) }
            }
            screen.updateForm { $0.show(problems: byID) }
            page = .unitSettings(screen)
            return
        }
        catchUp()
        let state = environment.repository.state
        let affected = state.employeesSentBack(byNew: settings, of: screen.unit.number)
        let closing = !settings.opened && screen.unit.collective?.opened == true
        guard affected.isEmpty, !closing else {
            var text: [String] = []
            if !affected.isEmpty {
                let names = affected.compactMap { state.person($0.personNumber)?.name }.joined(separator: "、")
                text.append("本次修改将影响 \(affected.count) 名已确认信息的职工（\(names)）：他们的领卡方式或办卡银行不再符合单位设置，"
                            + "将回到「待确认」，需要重新确认个人信息。")
            }
            if closing {
                text.append("选择「不开通」将暂停集体申请：职工不能确认，单位不能提交；已确认的信息保留，已提交的职工不受影响。")
            }
            overlay = .confirmSubmit(ModalDialog(title: "确认保存单位资料？", message: text.joined(separator: "\n"),
                                                 buttons: ["确定保存", "取消"], tone: .warning))
            return
        }
        saveUnitSettings(screen, now: now)
    }

    /// Records the unit's setting and says what happens next; the form stays as typed when refused.
    mutating func saveUnitSettings(_ screen: UnitSettingsScreen, now: Int64) {
        guard let actor = session?.actor else { return }
        let settings = screen.settings
        let before = environment.repository.state
        let affected = before.employeesSentBack(byNew: settings, of: screen.unit.number).count
        do {
            try environment.repository.execute(.saveCollectiveSettings(unitNumber: screen.unit.number, settings: settings),
                                               by: actor, context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            return overlay = message("未能保存", "\(refusal)")
        } catch {
            return overlay = writeFailure("未能保存", "单位资料", error, kept: "已填写的内容仍在屏幕上")
        }
        goHome()
        var text = settings.opened ? "已开通集体申请，请通知职工登录确认个人信息。" : "已暂停集体申请。需要时可重新选择「开通」。"
        if affected > 0 { text += "\n已有 \(affected) 名职工回到「待确认」，他们再次确认时会看到原因。" }
        overlay = message("单位资料已提交", text, tone: .success, button: "返回首页")
    }

    /// 二次确认 answered 确定: record what the page was about to record.
    mutating func confirmedSubmission(now: Int64) {
        switch page {
        case .unitSettings(let screen): saveUnitSettings(screen, now: now)
        case .unitEmployees(let screen): submitTicked(screen, now: now)
        case .accountDetail(let screen): confirmedAccountChange(screen, now: now)
        default: submitApplication(now: now)
        }
    }
}
