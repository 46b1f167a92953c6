import CardDomain
import TerminalUI

/// The unit's employees as a table: 职工申请信息提交 (U2, tick the 信息已确认 ones and submit)
/// or 职工申请情况查询 (U3, every status counted, Enter opens a timeline). Filter by status,
/// `/` searches by name or the last digits of the ID number, PgUp/PgDn page, Home/End jump.
public struct UnitEmployeesScreen: AppScreen, Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case submit, query }

    public enum Action: Equatable, Sendable {
        /// Enter in U2: submit the ticked employees, each with the confirmation drawn.
        case submit([SubmissionItem])
        /// Enter in U3: the employee's timeline.
        case open(personNumber: String)
        /// Another filter or search: the list is drawn again from the records.
        case relist(status: ApplicationStatus?, query: String)
        /// E, then a path: the list under the filter as CSV.
        case export(path: String)
    }

    public let mode: Mode
    public let unitNumber: String
    let list: UnitEmployeeList
    public let status: ApplicationStatus?
    public let query: String
    /// Ticked applications, with the confirmation time each showed (kept across filters).
    public private(set) var ticked: [String: Int64]
    public private(set) var form: Form
    let profile: ChannelProfile
    let pageSize: Int

    init(mode: Mode, unitNumber: String, state: CardState, profile: ChannelProfile, status: ApplicationStatus?,
         query: String = "", ticked: [String: Int64] = [:], pageSize: Int = 12) {
        self.mode = mode
        self.unitNumber = unitNumber
        let list = UnitEmployeeList(unit: unitNumber, state: state)
        self.list = list
        self.status = status
        self.query = query
        self.profile = profile
        self.pageSize = pageSize
        // A tick whose employee changed since is dropped here; the domain checks again.
        var current: [String: Int64] = [:]
        for row in list.rows { if let id = row.application?.id, let at = row.confirmedAt { current[id] = at } }
        self.ticked = ticked.filter { current[$0.key] == $0.value }
        form = Form([])
        form = buildForm(hint: nil)
        form.focus(on: "employees")
    }

    var shown: [UnitEmployeeList.Row] { list.filtered(status: status, query: query) }

    private func buildForm(hint: (String, Style)?, cursor: Int = 0) -> Form {
        let counts = Dictionary(uniqueKeysWithValues: list.counts.map { ($0.status, $0.count) })
        let options = [ChoiceOption(id: "", label: "全部（\(list.rows.count)）")]
            + ApplicationStatus.allCases.map { status in
                ChoiceOption(id: status.rawValue, label: "\(status.rawValue)（\(counts[status] ?? 0)）")
            }
        let rows = shown
        var table = Table(columns: [TableColumn("姓名", width: 8), TableColumn("证件号码", width: 18), TableColumn("办卡状态", width: 12),
                                    TableColumn("领卡方式", width: 10), TableColumn("确认时间", width: 11)],
                          rows: rows.map(cells), rowIDs: rows.map(\.person.documentNumber), pageSize: pageSize,
                          isSelectable: mode == .submit, unit: "人")
        table.select(Set(rows.indices.filter { rows[$0].application.map { ticked[$0.id] != nil } ?? false }))
        table.moveCursor(to: cursor)
        var fields: [FormField] = []
        if mode == .query { fields.append(FormField(id: "counts", control: .note(list.countLine, style: .muted))) }
        fields += [
            FormField(id: "status", label: "显示", control: .select(SelectList(options, selectedID: status?.rawValue ?? ""),
                                                                  chosen: status?.rawValue ?? "", width: 20)),
            FormField(id: "query", label: "查找", control: .text(TextField(query, maxLength: 18), width: 20)),
            FormField(id: "employees", control: .table(table)),
        ]
        let line = hint ?? defaultHint
        fields.append(FormField(id: "hint", control: .note(line.0, style: line.1)))
        return Form(fields)
    }

    /// 姓名, the masked ID (D12), 办卡状态, 领卡方式 in the channel's words, 确认时间.
    private func cells(_ row: UnitEmployeeList.Row) -> [String] {
        let pickup = row.application.map { profile.pickupLabel($0.pickupMethod, kind: .unit) } ?? ""
        let time = row.confirmedAt.map { String(BeijingTime.dateTime(microseconds: $0).dropFirst(5)) } ?? ""
        return [row.person.name, PrivacyMask.identityNumber(row.person.documentNumber), row.status.rawValue, pickup, time]
    }

    public var title: String { mode == .submit ? "职工申请信息提交" : "职工申请情况查询" }

    /// The line under the table when there is nothing to say: the page's own keys.
    private var defaultHint: (String, Style) {
        mode == .submit ? ("Space 勾选  A 全选信息已确认  Enter 提交所选", .muted) : ("Enter 查看办卡进度  E 导出 CSV", .muted)
    }

    /// The ticked employees as the domain checks them: each with the confirmation drawn.
    public var tickedItems: [SubmissionItem] {
        ticked.map { SubmissionItem(applicationID: $0.key, confirmedAt: $0.value) }.sorted { $0.applicationID < $1.applicationID }
    }

    private var cursor: Int {
        guard case .table(let table)? = form.fields.first(where: { $0.id == "employees" })?.control else { return 0 }
        return table.cursor
    }

    /// Enter in the search or export-path field searches or exports (see `handle`).
    public var handlesEnterItself: Bool { ["exportPath", "query"].contains(form.focusedField?.id) }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let focused = form.focusedField?.id
        if focused == "exportPath", key == .enter {
            return (.handled, .export(path: form.value("exportPath").trimmingSpaces))
        }
        if focused == "query", key == .enter {
            return (.handled, .relist(status: status, query: form.value("query").trimmingSpaces))
        }
        if focused == "employees" {
            switch key {
            case .character("/"):
                form.focus(on: "query")
                return (.handled, nil)
            case .character(" ") where mode == .submit:
                toggle(at: cursor)
                return (.handled, nil)
            case .character("a"), .character("A"):
                if mode == .submit { tickAll() }
                return (.handled, nil)
            case .character("e"), .character("E"):
                if mode == .query { askExportPath() }
                return (.handled, nil)
            case .enter:
                return (.handled, enterAction())
            default:
                break
            }
        }
        let event = form.handle(key)
        let chosen = ApplicationStatus(rawValue: form.value("status"))
        if focused == "status", chosen != status {
            return (event, .relist(status: chosen, query: query))
        }
        return (event, nil)
    }

    private func enterAction() -> Action? {
        switch mode {
        case .query:
            return shown.indices.contains(cursor) ? .open(personNumber: shown[cursor].person.documentNumber) : nil
        case .submit:
            return .submit(tickedItems)
        }
    }

    /// Space: ticks or clears a 信息已确认 row; any other says why it cannot be ticked.
    mutating func toggle(at index: Int) {
        let rows = shown
        guard rows.indices.contains(index) else { return }
        let row = rows[index]
        guard row.isSubmittable, let application = row.application, let at = row.confirmedAt else {
            let why = row.status == .awaitingConfirmation ? "尚未确认个人信息" : "状态为「\(row.status.rawValue)」，只有信息已确认的职工可以提交"
            return redraw(hint: ("\(row.person.name) \(why)", .warning))
        }
        if ticked.removeValue(forKey: application.id) == nil { ticked[application.id] = at }
        redraw(hint: nil)
    }

    /// A: ticks every 信息已确认 row under the filter; when they all are, clears them.
    mutating func tickAll() {
        let submittable = shown.filter(\.isSubmittable)
        let ids = submittable.compactMap(\.application?.id)
        if !ids.isEmpty, ids.allSatisfy({ ticked[$0] != nil }) {
            for id in ids { ticked[id] = nil }
        } else {
            for row in submittable { if let id = row.application?.id, let at = row.confirmedAt { ticked[id] = at } }
        }
        redraw(hint: submittable.isEmpty ? ("当前列表中没有信息已确认的职工", .warning) : nil)
    }

    /// Whether the export's path is being asked (Esc then closes it, not the page).
    public var isAskingExportPath: Bool { form.index(of: "exportPath") != nil }

    /// E: a path to write the list to, under the list, named after the unit and the filter.
    mutating func askExportPath() {
        guard !isAskingExportPath else { return form.focus(on: "exportPath") }
        let name = "职工申请情况-\(unitNumber)" + (status.map { "-\($0.rawValue)" } ?? "") + ".csv"
        form.fields.append(FormField(id: "exportPath", label: "导出到", isRequired: true,
                                     control: .text(TextField(name, maxLength: 200), width: 50)))
        redraw(hint: ("输入路径后按 Enter 导出（仅本人可读），Esc 取消", .muted))
        form.focus(on: "exportPath")
    }

    /// Esc while the path is asked: no export, back to the list.
    mutating func cancelExport() {
        form.fields.removeAll { $0.id == "exportPath" }
        redraw(hint: nil)
        form.focus(on: "employees")
    }

    /// Says something on the hint line, e.g. after a submit with nothing ticked.
    mutating func say(_ text: String, tone: Style = .warning) { redraw(hint: (text, tone)) }

    /// Marks the ticks and the hint in place: a key on a list of thousands redraws the
    /// marks, not the rows.
    private mutating func redraw(hint: (String, Style)?) {
        let rows = shown
        let marks = Set(rows.indices.filter { rows[$0].application.map { ticked[$0.id] != nil } ?? false })
        let line = hint ?? defaultHint
        for index in form.fields.indices {
            switch form.fields[index].control {
            case .table(var table) where form.fields[index].id == "employees":
                table.select(marks)
                form.fields[index].control = .table(table)
            case .note where form.fields[index].id == "hint":
                form.fields[index].control = .note(line.0, style: line.1)
            default:
                break
            }
        }
    }

    public var hints: [KeyHint] {
        mode == .submit
            ? [KeyHint("Space", "选择"), KeyHint("A", "全选"), KeyHint("Enter", "提交所选"), KeyHint("/", "查找"), KeyHint("Esc", "返回"), .logout]
            : [KeyHint("Enter", "查看"), KeyHint("/", "查找"), KeyHint("E", "导出"), KeyHint("Esc", "返回"), .help, .logout]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
