import CardDomain
import CardStore
import TerminalUI

/// U2 and U3 for the unit operator: the employee table, the batch submission (D16) with
/// its question and its result, and an employee's timeline (the view recorded, D12).
extension AppModel {
    /// Rows a page shows at 80x24: fewer in the roomier elder layout, and one fewer under
    /// the query's line of counts.
    var unitPageSize: Int { environment.options.elder ? 6 : 12 }

    mutating func showUnitEmployees(_ mode: UnitEmployeesScreen.Mode, status: ApplicationStatus?, query: String = "",
                                    ticked: [String: Int64] = [:]) {
        guard let unit = session?.actor.unitNumber else { return }
        catchUp()
        page = .unitEmployees(UnitEmployeesScreen(mode: mode, unitNumber: unit, state: environment.repository.state,
                                                  profile: environment.profile, status: status, query: query,
                                                  ticked: ticked, pageSize: unitPageSize - (mode == .query ? 1 : 0)))
    }

    mutating func handleUnitEmployees(_ key: Key, _ screen: UnitEmployeesScreen, now: Int64) {
        var screen = screen
        if key == .escape {
            guard screen.isAskingExportPath else { return goHome() }
            screen.cancelExport()
            return page = .unitEmployees(screen)
        }
        let (_, action) = screen.handle(key)
        page = .unitEmployees(screen)
        switch action {
        case .export(let path)?:
            export(screen, to: path)
        case .relist(let status, let query)?:
            showUnitEmployees(screen.mode, status: status, query: query, ticked: screen.ticked)
        case .open(let number)?:
            openEmployeeTimeline(number, now: now)
        case .submit(let items)?:
            guard !items.isEmpty else {
                screen.say("请先按空格勾选信息已确认的职工")
                return page = .unitEmployees(screen)
            }
            overlay = .confirmSubmit(ModalDialog(title: "提交申领信息", message: "确认提交所选 \(items.count) 名职工的申领信息？",
                                                 buttons: ["确定", "取消"]))
        case nil:
            break
        }
    }

    /// 确定: one batch, one sync; the result names how many and who was skipped, and why.
    mutating func submitTicked(_ screen: UnitEmployeesScreen, now: Int64) {
        guard let actor = session?.actor else { return }
        let items = screen.tickedItems
        let events: [DomainEvent]
        do {
            events = try environment.repository.execute(.submitEmployees(unitNumber: screen.unitNumber, items: items),
                                                        by: actor, context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            return overlay = message("未能提交", "\(refusal)")
        } catch {
            return overlay = writeFailure("未能提交", "申领信息", error, kept: "所选职工仍在列表中")
        }
        let state = environment.repository.state
        guard case .employeesSubmitted(let result)? = events.first else { return }
        var text = "已提交 \(result.submitted.count) 名职工的申领信息，状态为「已提交」。"
        if !result.skipped.isEmpty {
            text += "\n未提交 \(result.skipped.count) 名：\n" + result.skipped.map { "\(state.name(of: $0.applicationID))：\($0.reason)" }
                .joined(separator: "\n")
        }
        showUnitEmployees(.submit, status: screen.status, query: screen.query)
        overlay = message("提交结果", text, tone: result.skipped.isEmpty ? .success : .warning)
    }

    /// The list under the filter as CSV in a new 0600 file; masked, as lists are (D12).
    private mutating func export(_ screen: UnitEmployeesScreen, to path: String) {
        guard !path.isEmpty else { return overlay = message("导出", "请输入文件路径") }
        let report = UnitReport.csv(unit: screen.unitNumber, state: environment.repository.state, reference: reference,
                                    status: screen.status, query: screen.query)
        do {
            let file = try PrivateFile.create(path, overwrite: false, what: "导出文件", howToOverwrite: "先删除后再")
            defer { file.close() }
            try file.write(report.text)
        } catch {
            return overlay = message("未能导出", "\(error)", tone: .error)
        }
        var done = screen
        done.cancelExport()
        page = .unitEmployees(done)
        overlay = message("已导出", "已将 \(report.count) 名职工写入 \(TerminalText.escaped(path))。文件仅本人可读，证件号码已隐藏部分数字。",
                          tone: .success)
    }

    /// An employee's status and timeline for their unit's operator, the view recorded first.
    private mutating func openEmployeeTimeline(_ number: String, now: Int64) {
        guard let state = recordView(of: number, opening: "职工信息", now: now), let person = state.person(number) else { return }
        page = .myApplications(MyApplicationsScreen(person: person, state: state, viewer: .unitOperator))
    }
}
