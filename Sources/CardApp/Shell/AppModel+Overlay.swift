import TerminalUI

extension AppModel {
    /// The quit question: 退出 before login, 退出登录 after; a kiosk never lets a person out.
    mutating func askToQuit(viaControlC: Bool) {
        if isKiosk {
            if viaControlC { return }
            guard session != nil else {
                overlay = .message(ModalDialog(title: "自助终端", message: "本终端为自助服务终端，不能退出。如需帮助，请联系现场工作人员。",
                                               buttons: ["知道了"]))
                return
            }
        }
        let question = session == nil ? "确认退出？" : "确认退出登录？"
        overlay = .confirmQuit(ModalDialog(title: question, message: session == nil ? "退出后将关闭本程序。" : "退出登录后回到登录页面。",
                                           buttons: ["确定", "取消"]))
    }

    /// A key while a dialog or picker is open goes to it alone.
    mutating func handleOverlay(_ current: Overlay, _ key: Key) -> Outcome {
        switch current {
        case .help, .idleWarning:
            overlay = nil
        case .screenLocked(let lock):
            return handleLock(lock, key)
        case .message(var dialog):
            let response = dialog.handle(key)
            overlay = response == .activated || response == .cancelled ? nil : .message(dialog)
        case .confirmQuit(let dialog):
            guard confirms(dialog, key, showing: Overlay.confirmQuit) else { break }
            guard session != nil else { return .exit(0) }
            resetToStart(now: lastInput)
            return .redraw
        case .certificatePicker(let picker):
            handleCertificatePicker(picker, key)
        case .importPicker(let picker):
            handleImportPicker(picker, key, now: lastInput)
        case .confirmStopImport(let dialog):
            handleStopImport(dialog, key)
        case .photoPicker(let picking):
            handlePhotoPicker(picking, key, now: lastInput)
        case .confirmSubmit(let dialog):
            if confirms(dialog, key, showing: Overlay.confirmSubmit) { confirmedSubmission(now: lastInput) }
        case .confirmDiscard(let dialog, let target):
            guard confirms(dialog, key, showing: { .confirmDiscard($0, then: target) }) else { break }
            switch target {
            case .loginChoice: backToLoginChoice()
            case .home: goHome()
            }
        }
        return .running
    }

    /// A yes/no dialog's key: it stays shown until either button is chosen (or Esc), and the
    /// answer is true when the first, 确认, was.
    private mutating func confirms(_ dialog: ModalDialog, _ key: Key, showing: (ModalDialog) -> Overlay) -> Bool {
        var dialog = dialog
        let response = dialog.handle(key)
        overlay = response == .activated || response == .cancelled ? nil : showing(dialog)
        return response == .activated && dialog.selected == 0
    }
}
