import CardDomain
import CardStore
import TerminalUI

extension AppModel {
    /// The forced change after a temporary password: the rules first (each refusal names
    /// its rule), then the hash is recorded as the account's own act, then the session starts.
    mutating func handleChangePassword(_ key: Key, _ screen: ChangePasswordScreen, now: Int64) {
        var screen = screen
        if key == .escape { return backToLoginChoice() }
        let (_, password) = screen.handle(key)
        page = .changePassword(screen)
        guard let password else { return }
        let state = environment.repository.state
        let person = screen.pending.personNumber.flatMap { state.person($0) }
        let owner = PasswordRules.Owner(username: screen.pending.username, documentNumber: person?.documentNumber,
                                        phone: person?.mobile)
        if let problem = PasswordRules(dictionary: environment.passwordDictionary).problem(password, owner: owner) {
            screen.refused("新密码" + problem.message)
            return page = .changePassword(screen)
        }
        do {
            let hash = try PasswordMaker.hash(password)
            try environment.repository.execute(.changeAccount(.changeOwnPassword(username: screen.pending.username, passwordHash: hash)),
                                               by: screen.pending, context: environment.context(now: now))
            admit(screen.pending, displayName: screen.displayName, group: screen.group)
            overlay = .message(ModalDialog(title: "密码已修改", message: "新密码已生效，下次请用新密码登录。", buttons: ["知道了"]))
        } catch let refusal as CommandRefusal {
            screen.refused(refusal.description)
            page = .changePassword(screen)
        } catch {
            screen.refused("新密码无法保存：\(error)。请稍后再试")
            page = .changePassword(screen)
        }
    }
}
