/// What one applicant's form must hold beyond the channel's steps: the pickup methods
/// allowed, and the bank and branch (BR-BANK-1 for a retiree, D5/D6 and BR-PICK-1/2 for an
/// employee). The wizard shows them; the submission check enforces them.
public struct ApplicantTerms: Equatable, Sendable {
    public var kind: Application.Kind
    /// The methods this applicant may choose, before the channel's own offer narrows them.
    public var pickupAllowed: [PickupMethod]
    /// The card's bank, fixed for everyone (the pension bank, or the unit's bank).
    public var bank: String?
    /// The branch the form starts with; fixed unless `branchIsChoosable`.
    public var branch: String?
    /// Another branch of `bank` may be chosen (D6: employees in 京通 and 民生一卡通).
    public var branchIsChoosable: Bool
    /// Why the bank and branch are what they are, for the read-only note.
    public var bankNote: String

    public init(kind: Application.Kind, pickupAllowed: [PickupMethod], bank: String?, branch: String?,
                branchIsChoosable: Bool, bankNote: String) {
        self.kind = kind
        self.pickupAllowed = pickupAllowed
        self.bank = bank
        self.branch = branch
        self.branchIsChoosable = branchIsChoosable
        self.bankNote = bankNote
    }

    /// A retiree: the pension bank and branch, not to be changed (BR-BANK-1).
    public static func retiree(_ person: PersonRecord) -> ApplicantTerms {
        ApplicantTerms(kind: .personal, pickupAllowed: PickupMethod.allCases.filter { $0 != .unitCollects },
                       bank: person.pensionBank, branch: person.pensionBranch, branchIsChoosable: false,
                       bankNote: "与养老金代发行一致，不可修改")
    }

    /// An employee of a unit that opened collective application: 单位代领 alone when the
    /// unit collects (BR-PICK-1), else the two others (BR-PICK-2); the unit's bank, and its
    /// branch unless the channel lets the employee choose another of that bank (D6).
    public static func employee(of settings: UnitRecord.CollectiveSettings, flow: ChannelProfile.Flow) -> ApplicantTerms {
        ApplicantTerms(kind: .unit, pickupAllowed: settings.unitCollects ? [.unitCollects] : [.branchPickup, .bankMail],
                       bank: settings.bank, branch: settings.branch, branchIsChoosable: flow.branchChoice == true,
                       bankNote: "单位选定的办卡银行，不可更换")
    }

    /// The terms for `person` applying as `kind` under today's records; nil for an
    /// employee whose unit has never set up collective application. Whether the unit is
    /// open now is for the eligibility check to say.
    public static func of(_ person: PersonRecord, kind: Application.Kind, in state: CardState,
                          flow: ChannelProfile.Flow) -> ApplicantTerms? {
        guard kind == .unit else { return retiree(person) }
        guard let settings = person.unitNumber.flatMap({ state.units[$0] })?.collective else { return nil }
        return employee(of: settings, flow: flow)
    }

    /// The channel's options that this applicant may take, in the channel's order and words.
    public func pickupOptions(in flow: ChannelProfile.Flow) -> [ChannelProfile.PickupOption] {
        flow.pickup.filter { pickupAllowed.contains($0.method) }
    }
}
