/// Whether an employee may confirm their card data now (D13–D17): each refusal with its
/// own reason and what to do, as the retiree's check (D4) gives them.
public enum EmployeeEligibility {
    public static func check(_ person: PersonRecord, in state: CardState, today: CalendarDate,
                             entersRenewedStart: Bool) -> [Eligibility.Refusal] {
        if person.deceased {
            return [.init(reason: .deceased, message: "该人员已登记为身故，不能申领社会保障卡。如信息有误，请到社保卡服务网点核实")]
        }
        guard person.status == .employed else {
            return [.init(reason: .notEmployed, message:
                "您的参保状态为「\(person.status.rawValue)」，不参加单位集体申请。退休人员请通过「本人申领」申请社会保障卡",
                staff: "该人员的参保状态为「\(person.status.rawValue)」，不参加单位集体申请；退休人员可为其代办本人申领")]
        }
        guard let unit = person.unitNumber.flatMap({ state.units[$0] }) else {
            return [.init(reason: .unitNotOpen, message: "没有查到您的参保单位，请联系单位经办人核实参保信息",
                         staff: "没有查到该人员的参保单位，请核实其参保信息")]
        }
        var refusals: [Eligibility.Refusal] = []
        if unit.collective?.opened != true {
            refusals.append(.init(reason: .unitNotOpen, message: unit.collective == nil
                ? "您所在单位（\(unit.name)）尚未开通集体申请。请联系单位经办人开通后，再确认个人信息"
                : "您所在单位（\(unit.name)）已暂停集体申请，暂时不能确认。请联系单位经办人",
                staff: unit.collective == nil ? "其所在单位（\(unit.name)）尚未开通集体申请，须由单位经办人开通后再确认"
                    : "其所在单位（\(unit.name)）已暂停集体申请，暂时不能确认"))
        }
        if person.validity.isExpired(on: today), !entersRenewedStart {
            refusals.append(.init(reason: .expiredDocument, message:
                "您的身份证件已于 \(person.validity.label) 过期。请先换领身份证，再到社保卡服务网点更新证件信息",
                staff: "该人员的身份证件已于 \(person.validity.label) 过期，须先换领身份证并更新证件信息"))
        }
        if person.holdsThirdGenerationCard {
            refusals.append(.init(reason: .holdsCard, message: "您已持有第三代社会保障卡，无需再次申领。如卡片丢失或损坏，请办理补换卡",
                                  staff: "该人员已持有第三代社会保障卡，无需再次申领；卡片丢失或损坏的，办理补换卡"))
        }
        if let current = state.applicationInProgress(of: person.documentNumber), !current.isOpenToConfirmation {
            if current.kind == .unit {
                refusals.append(.init(reason: .submittedByUnit, message:
                    "单位已提交您的申请（办事编号 \(current.id)，状态：\(current.status.rawValue)），"
                    + "信息不能再修改。请在「我的办事」中查看进度",
                    staff: "其单位已提交该职工的申请（办事编号 \(current.id)，状态：\(current.status.rawValue)），信息不能再修改"))
            } else {
                refusals.append(.init(reason: .inProgress, message:
                    "您已有一笔申请正在办理（办事编号 \(current.id)，状态：\(current.status.rawValue)），请在「我的办事」中查看进度",
                    staff: "该人员已有一笔申请正在办理（办事编号 \(current.id)，状态：\(current.status.rawValue)）"))
            }
        }
        return refusals
    }
}
