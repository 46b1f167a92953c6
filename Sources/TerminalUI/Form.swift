/// Fields with one focus, moved by Tab/Shift-Tab and the arrows. Enter goes to the next
/// field, and on the last one submits; on a button it presses it. The owner validates and hands back
/// every problem at once; the form shows them beside their fields and in one summary line,
/// and puts the focus on the first wrong field. Nothing typed is lost on the way.
public struct Form: Equatable, Sendable {
    public var fields: [FormField]
    public private(set) var focus: Int
    /// "! 有 2 处需要修改：…"
    public private(set) var summary: String?
    /// The field whose select list is open over the form.
    public private(set) var openSelect: Int?
    /// Rows scrolled off the top when the fields do not fit.
    var scroll = 0
    /// The problems last shown, so that correcting a field takes its entry off the summary.
    private var shownProblems: [(field: String, message: String)] = []

    public init(_ fields: [FormField]) {
        self.fields = fields
        focus = fields.firstIndex(where: \.isFocusable) ?? 0
    }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// What Enter does on the focused field, when it is not the page's own action: opens
    /// the list of a select, or moves on to the next field (see `handle`). Nil when Enter
    /// submits or presses a button, so the page's key bar names the action.
    public var enterAction: String? {
        guard let field = focusedField, openSelect == nil else { return nil }
        switch field.control {
        case .button, .table: return nil
        case .select: return "打开列表"
        default:
            let later = fields.indices.contains { $0 > focus && fields[$0].isFocusable && !fields[$0].isButton }
            return later ? "下一项" : nil
        }
    }

    public func value(_ id: String) -> String {
        fields.first { $0.id == id }?.value ?? ""
    }

    public func index(of id: String) -> Int? { fields.firstIndex { $0.id == id } }

    public mutating func focus(on id: String) {
        if let index = index(of: id), fields[index].isFocusable { focus = index }
    }

    /// Focuses the first field that takes input (after fields were added or removed).
    public mutating func focusFirstField() {
        focus = fields.firstIndex(where: \.isFocusable) ?? 0
    }


    /// Shows `problems` (field id to message). The first wrong field, in form order, takes
    /// the focus. Messages for ids not in the form go to the summary only.
    public mutating func show(problems: [(field: String, message: String)]) {
        for index in fields.indices { fields[index].problem = nil }
        shownProblems = problems
        guard !problems.isEmpty else { summary = nil; return }
        var named: [String] = []
        for problem in problems {
            if let index = index(of: problem.field) {
                fields[index].problem = problem.message
                named.append((fields[index].label.isEmpty ? "" : fields[index].label + " ") + problem.message)
            } else {
                named.append(problem.message)
            }
        }
        summary = Self.summary(of: named)
        if let first = fields.indices.first(where: { fields[$0].problem != nil && fields[$0].isFocusable }) { focus = first }
    }

    static func summary(of named: [String]) -> String? {
        named.isEmpty ? nil : "! 有 \(named.count) 处需要修改：" + named.joined(separator: "；")
    }

    /// A field was changed: its old problem no longer describes it, beside it or in the summary.
    private mutating func clearProblem(at index: Int) {
        guard fields[index].problem != nil else { return }
        fields[index].problem = nil
        shownProblems.removeAll { $0.field == fields[index].id }
        summary = Self.summary(of: shownProblems.map { problem in
            guard let at = self.index(of: problem.field), !fields[at].label.isEmpty else { return problem.message }
            return fields[at].label + " " + problem.message
        })
    }

    public static func == (lhs: Form, rhs: Form) -> Bool {
        lhs.fields == rhs.fields && lhs.focus == rhs.focus && lhs.summary == rhs.summary
            && lhs.openSelect == rhs.openSelect && lhs.scroll == rhs.scroll
    }

    public mutating func clearProblems() { show(problems: []) }

    public mutating func handle(_ key: Key) -> FormEvent {
        if let open = openSelect { return handleOpenSelect(key, at: open) }
        guard fields.indices.contains(focus) else { return .ignored(key) }
        let edited = focus
        let valueBefore = fields[edited].value
        defer { if fields[edited].value != valueBefore { clearProblem(at: edited) } }
        var response = WidgetResponse.ignored
        switch fields[focus].control {
        case .text(var field, let width):
            response = field.handle(key)
            fields[focus].control = .text(field, width: width)
        case .date(var field):
            response = field.handle(key)
            fields[focus].control = .date(field)
        case .checkbox(var box):
            response = box.handle(key)
            fields[focus].control = .checkbox(box)
        case .radio(var group):
            response = group.handle(key)
            fields[focus].control = .radio(group)
        case .select(var list, let chosen, let width):
            if case .character(let character) = key, character != " " {
                // Typing on a closed list opens it with what was typed as the filter.
                _ = list.handle(.character(character))
                fields[focus].control = .select(list, chosen: chosen, width: width)
                openSelect = focus
                return .handled
            }
            if key == .enter || key == .character(" ") {
                openSelect = focus
                return .handled
            }
        case .table(var table):
            response = table.handle(key)
            fields[focus].control = .table(table)
            if response == .activated { return .pressed(fields[focus].id) }
            // Esc belongs to the page (back), Tab to the form.
            if response == .cancelled { return .ignored(key) }
        case .button where key == .enter:
            return .pressed(fields[focus].id)
        default:
            break
        }
        if response != .ignored { return .handled }
        switch key {
        case .tab, .down: return moveFocus(by: 1, wrapping: key == .tab) ? .handled : .ignored(key)
        case .backTab, .up: return moveFocus(by: -1, wrapping: key == .backTab) ? .handled : .ignored(key)
        case .enter:
            // Enter walks the fields; after the last one it submits, rather than stopping
            // on the button, so a clerk types a whole form without leaving the keys.
            let later = fields.indices.contains { $0 > focus && fields[$0].isFocusable && !fields[$0].isButton }
            return later && moveFocus(by: 1, wrapping: false) ? .handled : .submitted
        default: return .ignored(key)
        }
    }

    private mutating func handleOpenSelect(_ key: Key, at index: Int) -> FormEvent {
        guard case .select(var list, let chosen, let width) = fields[index].control else { openSelect = nil; return .handled }
        switch list.handle(key) {
        case .activated:
            fields[index].control = .select(list, chosen: list.highlightedOption?.id, width: width)
            clearProblem(at: index)
            openSelect = nil
            _ = moveFocus(by: 1, wrapping: false)
        case .cancelled:
            openSelect = nil
        default:
            fields[index].control = .select(list, chosen: chosen, width: width)
        }
        return .handled
    }

    /// Moves to the next focusable field; false at the end when not wrapping.
    @discardableResult
    public mutating func moveFocus(by step: Int, wrapping: Bool) -> Bool {
        var index = focus
        for _ in 0..<fields.count {
            index += step
            if index < 0 || index >= fields.count {
                guard wrapping else { return false }
                index = (index + fields.count) % fields.count
            }
            if fields[index].isFocusable {
                focus = index
                return true
            }
        }
        return false
    }
}
