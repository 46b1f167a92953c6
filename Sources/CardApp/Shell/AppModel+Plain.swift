import TerminalUI

extension AppModel {
    /// The captcha the current login (or unlock) asks for, for the accessible mode.
    public var plainCaptcha: Captcha? {
        if case .screenLocked(let lock)? = overlay { return lock.captcha }
        if case .accountLogin(let screen) = page { return screen.captcha }
        return nil
    }

    /// Sets one field from a line the accessible mode read. The login choice re-lists its
    /// methods when the identity changes, as the arrows do on the full screen.
    @discardableResult
    public mutating func setPlainValue(_ value: String, for id: String) -> Bool {
        switch page {
        case .loginChoice(var screen):
            screen.setValues([id: value])
            page = .loginChoice(screen)
            return screen.form.value(id) == value
        default:
            var accepted = false
            updateForm { accepted = $0.setValue(value, for: id) }
            return accepted
        }
    }

    /// Goes on as Enter would: on `button` when given, else from the last field.
    /// The line mode has no clock: before it reads a page out, a login page that waits on
    /// the platform or the face check takes the answer that came meanwhile.
    public mutating func followPlainLogin(now: Int64) {
        _ = followLogin(now: now)
        // The line mode has no keys between batches: an import runs to its end, then its page is read out.
        while importRun != nil { advanceImport(now: now) }
    }

    /// Whether the page waits on the platform or the face check: its one button (返回) must
    /// not be pressed for the user, who may only want to look again.
    public var plainPageWaits: Bool {
        switch page {
        case .codeLogin(let screen): return screen.status == .waiting
        case .realName(let screen): return screen.face != nil && screen.face?.refusal == nil
        default: return false
        }
    }

    public mutating func submitPlain(pressing button: String?, now: Int64) -> Outcome {
        updateForm { form in
            if let button {
                form.focus(on: button)
            } else if let last = form.fields.lastIndex(where: \.isFocusable) {
                form.focus(on: form.fields[last].id)
            }
        }
        return handle(.enter, now: now)
    }

    /// The plain-text version of an open dialog, and closes it as Enter would (first
    /// button). Nil when none is open.
    public mutating func takePlainOverlay(now: Int64) -> String? {
        switch overlay {
        case .message(let dialog)?:
            _ = handle(.enter, now: now)
            return "\(dialog.title)：\(dialog.message)"
        case .help(let help)?:
            overlay = nil
            return help.about
        default:
            return nil
        }
    }

    /// The question the line mode must ask for an open photo picker or 二次确认, if any.
    public var plainQuestion: String? {
        switch overlay {
        case .photoPicker(let picking)?:
            return "\(picking.picker.title)（\(picking.picker.requirement)）：请输入照片文件的完整路径，直接回车取消："
        case .certificatePicker?:
            return "插入证书：请输入证书所在文件夹的完整路径，直接回车取消："
        case .importPicker?:
            return "请输入要导入的 CSV 文件的完整路径，直接回车取消："
        case .confirmStopImport(let dialog)?:
            return "\(dialog.title)：\(dialog.message)（y 停止 / n 继续）："
        case .confirmSubmit(let dialog)?:
            return "\(dialog.title)：\(dialog.message)（y 确定 / n 取消）："
        default:
            return nil
        }
    }

    /// Answers `plainQuestion`: a path for the picker (nil when accepted, else why not), or
    /// y/n for the confirmation. The picker closes either way; the form keeps its values.
    public mutating func answerPlainQuestion(_ answer: String, now: Int64) -> String? {
        switch overlay {
        case .photoPicker:
            guard !answer.isEmpty else { overlay = nil; return nil }
            type(plainKeys: [.tab, .control("u")] + Key.typing(answer) + [.enter], now: now)
            guard case .photoPicker(let picking)? = overlay else { return nil }
            overlay = nil
            return picking.picker.problem
        case .certificatePicker:
            overlay = nil
            if !answer.isEmpty, case .certificateLogin(var screen) = page {
                screen.chose(folder: answer)
                page = .certificateLogin(screen)
            }
            return nil
        case .confirmSubmit, .confirmStopImport:
            type(plainKeys: [answer.lowercased().hasPrefix("y") ? .enter : .escape], now: now)
            return nil
        case .importPicker:
            overlay = nil
            if !answer.isEmpty, case .importer(let screen) = page { startImportCheck(answer, kind: screen.kind, now: now) }
            return nil
        default:
            return nil
        }
    }

    private mutating func type(plainKeys keys: [Key], now: Int64) {
        for key in keys { _ = handle(key, now: now) }
    }

    public var plainTitle: String {
        let profile = environment.profile
        let who = session.map { "  \($0.displayName)" } ?? ""
        return "== 北京市第三代社会保障卡 \(profile.title)：\(pageTitle)\(who) =="
    }

    /// Logs out, or says the program should end, as F10 and Enter would.
    public mutating func quitPlain(now: Int64) -> Outcome {
        _ = handle(.function(10), now: now)
        guard case .confirmQuit = overlay else { overlay = nil; return .running }
        return handle(.enter, now: now)
    }
}
