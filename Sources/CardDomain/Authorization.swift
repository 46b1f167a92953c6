/// Who may do what (issue 3): a person acts only on their own records, a unit operator
/// only on their unit, a clerk on a person only while assisting them (and is recorded),
/// and only back office moves an application past 已提交. Checked before any validation,
/// so a refused actor learns nothing about the records.
public enum Authorization {
    /// Nil when `actor` may run `command`, else the reason in words for the screen.
    public static func refusal(of command: Command, by actor: Actor, in state: CardState) -> String? {
        switch command {
        case .recordPerson, .recordUnit, .recordAccount:
            return actor.role == .administrator ? nil : "只有管理员可以维护人员、单位和账号信息"
        case .changeAccount(let request):
            if case .changeOwnPassword(let username, _) = request {
                return actor.username == username ? nil : "只能修改本人账号的密码"
            }
            return actor.role == .administrator ? nil : "只有管理员可以管理账号"
        case .viewPerson(let number):
            return mayView(number, actor, state)
        case .recordJournalExport:
            return actor.role == .administrator ? nil : "只有管理员可以导出完整日志"
        case .revokeCertificate:
            return actor.role == .administrator ? nil : "只有管理员可以吊销证书"
        case .recordLoginAttempt, .requestLoginCode, .setPasswordWithSMS, .completeCodeLogin, .requestSMSCode, .checkSMSCode, .completeRealName,
             .failCertificatePassword, .completeCertificateLogin:
            // Anyone at a terminal may try to log in; that is what the lock and the code are for.
            return nil
        case .decideLoginCode:
            // The identity port speaks as the system (the platform's adapter, or the stand-in command).
            return actor.role == .administrator ? nil : "只有身份认证平台可以确认登录码"
        case .saveCollectiveSettings(let unit, _):
            return actor.role == .unitOperator && actor.unitNumber == unit ? nil : "只有本单位的经办人可以设置单位集体申请"
        case .submitEmployees(let unit, _):
            return actor.role == .unitOperator && actor.unitNumber == unit ? nil : "单位经办人只能提交本单位职工的申请"
        case .saveDraft(let number, _, _), .submitApplication(let number, _), .confirmEmployeeData(let number, _):
            return mayActFor(number, actor)
        case .resubmitApplication(let id, _):
            guard let application = state.applications[id] else { return nil }
            return mayActFor(application.personNumber, actor)
        case .withdrawApplication(let id):
            guard let application = state.applications[id] else { return nil }
            if actor.role == .unitOperator, application.unitNumber != nil, application.unitNumber == actor.unitNumber {
                return nil
            }
            return mayActFor(application.personNumber, actor)
        case .changeStatus(let id, let target, _, _):
            guard let application = state.applications[id] else { return nil }
            switch actor.role {
            case .backOffice:
                return nil
            case .unitOperator:
                return application.unitNumber != nil && application.unitNumber == actor.unitNumber
                    ? nil : "单位经办人只能办理本单位职工的申请"
            case .person, .counterClerk:
                return mayActFor(application.personNumber, actor) ?? statusRefusal(application, target, actor)
            case .administrator:
                return "管理员不能变更申请状态，请由后台制卡审核人员办理"
            }
        }
    }

    /// A person sees themselves; an operator sees their unit's employees; staff see anyone
    /// (a clerk's look-up starts the assistance), and staff views are recorded.
    private static func mayView(_ number: String, _ actor: Actor, _ state: CardState) -> String? {
        switch actor.role {
        case .person:
            return actor.personNumber == number ? nil : "只能查看本人的信息"
        case .unitOperator:
            let unit = state.person(number)?.unitNumber
            return unit != nil && unit == actor.unitNumber ? nil : "单位经办人只能查看本单位职工的信息"
        case .counterClerk, .backOffice, .administrator:
            return nil
        }
    }

    private static func mayActFor(_ number: String, _ actor: Actor) -> String? {
        switch actor.role {
        case .person:
            return actor.personNumber == number ? nil : "只能办理本人的申请"
        case .counterClerk:
            return actor.assisting == number ? nil : "请先查询并核验申请人身份，再为其代办"
        case .unitOperator, .backOffice, .administrator:
            return "个人申请须由本人或窗口工作人员代办"
        }
    }

    /// The applicant's side may only make the moves D3 gives them; the message names who can.
    private static func statusRefusal(_ application: Application, _ target: ApplicationStatus, _ actor: Actor) -> String? {
        if case .failure(let refusal) = application.status.transition(to: target, by: actor.role) { return refusal.reason }
        return nil
    }
}
