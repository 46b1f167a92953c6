import TerminalUI

/// The accessible mode (`--plain`, or TERM=dumb): the same flows as line-by-line prompts,
/// with no cursor addressing and no escape sequences, for screen readers and slow links.
/// Each page's fields are asked in order; "?" shows help, "q" quits (or logs out), "b"
/// goes back. Input and output are injected so tests drive it with lines.
public struct PlainConsole {
    public var model: AppModel
    let readLine: (_ secret: Bool) -> String?
    let write: (String) -> Void
    let now: () -> Int64

    public init(model: AppModel, readLine: @escaping (_ secret: Bool) -> String?, write: @escaping (String) -> Void,
                now: @escaping () -> Int64) {
        self.model = model
        self.readLine = readLine
        self.write = write
        self.now = now
    }

    /// Runs until the user quits (0) or input ends (0, as after a hang-up).
    public mutating func run() -> Int32 {
        write("无障碍文本模式：逐项提问。输入 ? 查看帮助，q 退出，b 返回上一页。")
        while true {
            if model.indexNeedsRepair {
                write(AppModel.indexRepairNotice)
                model.repairIndex { _, _ in }
            }
            if let question = model.plainQuestion {
                guard let answer = line(question) else { return 0 }
                if let problem = model.answerPlainQuestion(answer, now: now()) { write("未采用：\(problem)") }
                continue
            }
            if let text = model.takePlainOverlay(now: now()) { write(text); continue }
            // A page that waits on the platform (a login code, the face check) catches up first.
            model.followPlainLogin(now: now())
            write("")
            write(model.plainTitle)
            let form = model.currentForm
            if let summary = form.summary { write(summary) }
            switch askFields(of: form) {
            case .ended: return 0
            case .quit:
                if case .exit(let code) = model.quitPlain(now: now()) { return code }
                continue
            case .back:
                _ = model.handle(.escape, now: now())
                if case .confirmDiscard = model.overlay { _ = model.handle(.enter, now: now()) }
                continue
            case .refresh:
                continue
            case .answered(let button):
                if case .exit(let code) = model.submitPlain(pressing: button, now: now()) { return code }
            }
        }
    }

    enum Reply { case answered(button: String?), quit, back, ended, refresh }

    private mutating func askFields(of form: Form) -> Reply {
        var buttons: [FormField] = []
        // A menu after the page's buttons (the counter's 查询结果) is itself the page's
        // action: choosing from it opens the choice, as Enter on it does on the full screen.
        var chosenMenu: String?
        let typedBefore = typedValues()
        for field in form.fields {
            switch field.control {
            case .radio(let group) where group.asMenu && !buttons.isEmpty:
                if let reply = ask(field) { return reply }
                chosenMenu = field.id
            case .note(_, _) where field.id == "captchaImage":
                // A drawing is no use to a screen reader: the digits are said in words.
                write("图形验证码：请在下面输入这几个数字（阿拉伯数字）：\(model.plainCaptcha?.spoken ?? "")")
            case .note(let text, _):
                write(text)
            case .readOnly(let value, let note):
                write("\(field.label)：\(value)" + (note.isEmpty ? "" : "（\(note)）"))
            case .table(let table):
                // Read out, a row a line; ticking rows needs the full screen.
                write(table.columns.map(\.title).joined(separator: "  "))
                for row in table.rows { write(row.joined(separator: "  ")) }
                write("共 \(table.rows.count) \(table.unit)")
                if table.isSelectable { write("（文本模式下不能勾选；勾选并提交请使用全屏界面。）") }
            case .button:
                buttons.append(field)
            default:
                if let reply = ask(field) { return reply }
            }
        }
        // Unless a typed value changed: then the page's button (查询) runs on the new value.
        if let chosenMenu, typedValues() == typedBefore { return .answered(button: chosenMenu) }
        guard buttons.count > 1 || model.plainPageWaits else { return .answered(button: buttons.first?.id) }
        let options = buttons.map { field -> ChoiceOption in
            // Photo buttons all say 选择照片文件: their field's label says which photo.
            if case .button(let label) = field.control {
                return ChoiceOption(id: field.id, label: field.label.isEmpty ? label : "\(field.label)：\(label)")
            }
            return ChoiceOption(id: field.id, label: field.id)
        }
        // A page whose buttons have a usual one (登录 beside 注册 and 忘记密码) takes it on Enter.
        let usual = model.screen.plainDefaultButton.flatMap { id in options.first { $0.id == id } }
        let onEnter = usual.map { "（直接回车：\($0.label)）" } ?? "（直接回车刷新）"
        guard let answer = line("请选择操作：" + numbered(options) + onEnter) else { return .ended }
        if let reply = command(answer) { return reply }
        if answer.isEmpty { return usual.map { .answered(button: $0.id) } ?? .refresh }
        guard let number = Int(answer), options.indices.contains(number - 1) else { return askFields(of: form) }
        return .answered(button: options[number - 1].id)
    }

    /// The values of the page's text fields, to tell whether an answer changed one.
    private func typedValues() -> [String] {
        model.currentForm.fields.compactMap { field in
            if case .text = field.control { return field.value }
            return nil
        }
    }

    /// Asks one field until it takes the answer; nil when answered.
    private mutating func ask(_ field: FormField) -> Reply? {
        let mark = field.isRequired ? "*" : ""
        let problem = field.problem.map { "（\($0)）" } ?? ""
        while true {
            let current = model.currentForm.fields.first { $0.id == field.id } ?? field
            let answer: String?
            switch current.control {
            case .radio(let group):
                // A menu without a label (the home menu: its greeting asks the question) gets no stray "：".
                let list = numbered(group.options)
                answer = line((field.label.isEmpty ? String(list.dropFirst()) : "\(mark)\(field.label)\(problem)：" + list)
                              + " 请输入编号 [\(group.selected + 1)]：")
                guard let answer else { return .ended }
                if let reply = command(answer) { return reply }
                if answer.isEmpty { return nil }
                if let number = Int(answer), group.options.indices.contains(number - 1) {
                    model.setPlainValue(group.options[number - 1].id, for: field.id)
                    return nil
                }
                write("请输入 1 到 \(group.options.count) 之间的编号。")
                continue
            case .checkbox(let box):
                answer = line("\(mark)\(box.label)\(problem)（y 是 / n 否）[\(box.isChecked ? "y" : "n")]：")
                guard let answer else { return .ended }
                if let reply = command(answer) { return reply }
                if !answer.isEmpty { model.setPlainValue(answer.lowercased().hasPrefix("y") ? "true" : "false", for: field.id) }
                return nil
            case .select(let list, let chosen, _):
                if let reply = askSelect(field, list.options, chosen: chosen, mark: mark, problem: problem) { return reply }
                return nil
            case .text(let text, _):
                let shown = text.isSecret || text.text.isEmpty ? "" : " [\(text.text)]"
                answer = text.isSecret ? secretLine("\(mark)\(field.label)\(problem)：") : line("\(mark)\(field.label)\(problem)\(shown)：")
            default:
                answer = line("\(mark)\(field.label)\(problem) [\(current.value)]：")
            }
            guard let answer else { return .ended }
            if let reply = command(answer) { return reply }
            if !answer.isEmpty { model.setPlainValue(answer, for: field.id) }
            return nil
        }
    }

    /// A list question: the current value by its label; the answer may be a label, a
    /// number from the list printed last, or a word that narrows the list (then printed,
    /// numbered). An answer that matches nothing is told so; nothing is dropped in silence.
    private mutating func askSelect(_ field: FormField, _ options: [ChoiceOption], chosen: String?,
                                    mark: String, problem: String) -> Reply? {
        var shown: [ChoiceOption] = options.count <= 20 ? options : []
        let current = options.first { $0.id == chosen }?.label ?? "未选择"
        var prompt = "\(mark)\(field.label)\(problem) [\(current)]：" + (shown.isEmpty ? "" : numbered(shown))
            + "请输入名称、编号或关键字（直接回车保持不变）："
        while true {
            guard let answer = line(prompt) else { return .ended }
            if let reply = command(answer) { return reply }
            if answer.isEmpty { return nil }
            if let number = Int(answer), shown.indices.contains(number - 1) {
                model.setPlainValue(shown[number - 1].id, for: field.id)
                return nil
            }
            if let exact = options.first(where: { $0.label == answer || $0.id == answer }) {
                model.setPlainValue(exact.id, for: field.id)
                return nil
            }
            let matches = options.filter { $0.label.contains(answer) || $0.detail.contains(answer) }
            if matches.count == 1 {
                model.setPlainValue(matches[0].id, for: field.id)
                write("已选择：\(matches[0].label)")
                return nil
            }
            if matches.isEmpty {
                prompt = "没有与「\(answer)」相符的\(field.label)，请换一个关键字，或直接回车保持「\(current)」："
                continue
            }
            shown = Array(matches.prefix(20))
            prompt = "与「\(answer)」相符的有 \(matches.count) 项" + (matches.count > 20 ? "（列出前 20 项）" : "") + "："
                + numbered(shown) + "请输入编号："
        }
    }

    private func command(_ answer: String) -> Reply? {
        switch answer {
        case "q", "Q", "退出": return .quit
        case "b", "B", "返回": return .back
        default: return nil
        }
    }

    private mutating func line(_ prompt: String) -> String? {
        while true {
            write(prompt)
            guard let answer = readLine(false) else { return nil }
            let trimmed = TextLayout.trimmed(answer)
            guard trimmed == "?" else { return trimmed }
            write(model.currentForm.fields.isEmpty ? "" : "帮助：按提示输入后回车。q 退出，b 返回上一页。")
        }
    }

    private mutating func secretLine(_ prompt: String) -> String? {
        write(prompt)
        return readLine(true)
    }

    private func numbered(_ options: [ChoiceOption]) -> String {
        options.enumerated().map { "\($0 + 1)) \($1.label)" + ($1.detail.isEmpty ? "" : "（\($1.detail)）") }
            .map { "\n  " + $0 }.joined() + "\n"
    }
}
