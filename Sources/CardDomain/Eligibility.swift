/// 资格校验 for a retiree's own application (DECISIONS.md D4). Each failure says why in
/// plain words and what to do next.
public enum Eligibility {
    public struct Refusal: Equatable, Sendable {
        public enum Reason: Equatable, Sendable {
            case deceased, notRetired, noPensionBank, expiredDocument, holdsCard, inProgress
            /// Employees (D17): not 在职, unit not open, already submitted by the unit.
            case notEmployed, unitNotOpen, submittedByUnit
        }
        public var reason: Reason
        /// Said to the person ("您的…").
        public var message: String
        /// Said to staff about the person (the counter's detail of someone else).
        public var staffMessage: String

        public init(reason: Reason, message: String, staff: String? = nil) {
            self.reason = reason
            self.message = message
            staffMessage = staff ?? message
        }
    }

    /// Every reason the person may not apply today, as messages for the screen.
    public static func refusals(for person: PersonRecord, in state: CardState, today: CalendarDate) -> [String] {
        check(person, in: state, today: today).map(\.message)
    }

    /// The refusals that stop an application whose form does (or does not) carry the renewed
    /// document's start date: an expired ID is fixed by entering it, when the channel asks for it.
    public static func blocking(for person: PersonRecord, in state: CardState, today: CalendarDate,
                                entersRenewedStart: Bool) -> [Refusal] {
        check(person, in: state, today: today).filter { !(entersRenewedStart && $0.reason == .expiredDocument) }
    }

    public static func check(_ person: PersonRecord, in state: CardState, today: CalendarDate) -> [Refusal] {
        if person.deceased {
            return [Refusal(reason: .deceased, message: "该人员已登记为身故，不能申领社会保障卡。如信息有误，请到社保卡服务网点核实")]
        }
        var refusals: [Refusal] = []
        if person.status != .retired {
            refusals.append(Refusal(reason: .notRetired, message:
                "您的参保状态为「\(person.status.rawValue)」，个人申领仅面向退休人员；在职职工请通过所在单位的集体申请办理",
                staff: "该人员的参保状态为「\(person.status.rawValue)」，个人申领仅面向退休人员；在职职工由所在单位集体申请"))
        } else if person.pensionBank == nil || person.pensionBranch == nil {
            refusals.append(Refusal(reason: .noPensionBank, message: "没有查到您的养老金代发银行和网点，暂时不能申领。请到社保卡服务网点办理",
                                    staff: "没有查到该人员的养老金代发银行和网点，暂时不能申领，请核实其养老金代发信息"))
        }
        if person.validity.isExpired(on: today) {
            refusals.append(Refusal(reason: .expiredDocument, message:
                "您的身份证件已于 \(person.validity.label) 过期。请先换领身份证，再到社保卡服务网点更新证件信息后申领",
                staff: "该人员的身份证件已于 \(person.validity.label) 过期，须先换领身份证并更新证件信息后申领"))
        }
        if person.holdsThirdGenerationCard {
            refusals.append(Refusal(reason: .holdsCard, message: "您已持有第三代社会保障卡，无需再次申领。如卡片丢失或损坏，请办理补换卡",
                                    staff: "该人员已持有第三代社会保障卡，无需再次申领；卡片丢失或损坏的，办理补换卡"))
        }
        if let current = state.applicationInProgress(of: person.documentNumber) {
            // A card collected is a card held, not an application in progress: say so.
            if current.status == .collected {
                if !person.holdsThirdGenerationCard {
                    refusals.append(Refusal(reason: .holdsCard, message:
                        "您已领取第三代社会保障卡（办事编号 \(current.id)），无需再次申领。如卡片丢失或损坏，请办理补换卡",
                        staff: "该人员已领取第三代社会保障卡（办事编号 \(current.id)），无需再次申领；卡片丢失或损坏的，办理补换卡"))
                }
            } else {
                refusals.append(Refusal(reason: .inProgress, message:
                    "您已有一笔申请正在办理（办事编号 \(current.id)，状态：\(current.status.rawValue)），请在「我的办事」中查看进度，不能重复申请",
                    staff: "该人员已有一笔申请正在办理（办事编号 \(current.id)，状态：\(current.status.rawValue)），不能重复申请"))
            }
        }
        return refusals
    }
}
