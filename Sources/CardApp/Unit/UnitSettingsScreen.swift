import CardDomain
import TerminalUI

/// 单位开通集体申请资料填写 (flow U1, D5): the unit's registered name, credit code and number,
/// read-only; what the operator enters, starting from what the unit saved last; and
/// 办卡网点 as a list of the chosen bank's branches, the unit's district first.
public struct UnitSettingsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// 提交单位资料, with what the form holds now.
        case submit(UnitRecord.CollectiveSettings)
    }

    public let unit: UnitRecord
    public private(set) var form: Form
    /// Every bank's branches with their district names, to rebuild 办卡网点 when the bank changes.
    let branches: [Branch]
    let districtNames: [String: String]

    init(unit: UnitRecord, reference: ReferenceData, settings: UnitRecord.CollectiveSettings? = nil) {
        self.unit = unit
        branches = reference.branches
        districtNames = Dictionary(reference.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let current = settings ?? unit.collective
        let fromRecords = "来自单位登记信息"
        func text(_ id: String, _ value: String?, width: Int, maxLength: Int, filter: InputFilter = .any) -> FormField {
            FormField(id: id, label: CollectiveSettingsCheck.labels[id]!, isRequired: true,
                      control: .text(TextField(value ?? "", maxLength: maxLength, filter: filter), width: width))
        }
        func radio(_ id: String, _ options: [(String, String)], selected: Int) -> FormField {
            FormField(id: id, label: CollectiveSettingsCheck.labels[id]!, isRequired: true,
                      control: .radio(RadioGroup(options.map { ChoiceOption(id: $0.0, label: $0.1) }, selected: selected)))
        }
        let bank = current?.bank
        form = Form([
            FormField(id: "intro", control: .note(unit.collective == nil ? "请填写单位资料，开通集体申请后通知职工确认个人信息。"
                                                    : "单位已于此前提交资料；修改后保存即生效。", style: .muted)),
            FormField(id: "unitName", label: "单位名称", control: .readOnly(unit.name, note: fromRecords)),
            FormField(id: "creditCode", label: "统一社会信用代码", control: .readOnly(unit.creditCode, note: fromRecords)),
            FormField(id: "unitNumber", label: "单位编号", control: .readOnly(unit.number, note: fromRecords)),
            text("address", current?.address, width: 44, maxLength: 100),
            text("operatorName", current?.operatorName, width: 16, maxLength: 30),
            text("operatorDocumentNumber", current?.operatorDocumentNumber, width: 21, maxLength: 18, filter: .identityNumber),
            text("operatorMobile", current?.operatorMobile, width: 14, maxLength: 11, filter: .digits),
            radio("opened", [("true", "开通"), ("false", "不开通")], selected: current?.opened == false ? 1 : 0),
            // Until the unit says it collects, employees choose for themselves (BR-PICK-2).
            radio("unitCollects", [("true", "是"), ("false", "否")], selected: current?.unitCollects == true ? 0 : 1),
            FormField(id: "bank", label: CollectiveSettingsCheck.labels["bank"]!, isRequired: true,
                      control: .select(SelectList(reference.banks.map { ChoiceOption(id: $0.name, label: $0.name) }, selectedID: bank),
                                       chosen: bank, width: 30)),
            Self.branchField(bank: bank, chosen: current?.branch, branches: branches, district: unit.district, names: districtNames),
            FormField(id: "submit", control: .button("提交单位资料")),
        ])
    }

    /// The chosen bank's branches, those in the unit's district first; type to filter.
    static func branchField(bank: String?, chosen: String?, branches: [Branch], district: String,
                            names: [String: String]) -> FormField {
        let ofBank = branches.filter { $0.bank == bank }
        let ordered = ofBank.filter { $0.district == district } + ofBank.filter { $0.district != district }
        let options = ordered.map { ChoiceOption(id: $0.name, label: $0.name, detail: names[$0.district] ?? "") }
        let kept = options.contains { $0.id == chosen } ? chosen : nil
        return FormField(id: "branch", label: CollectiveSettingsCheck.labels["branch"]!, isRequired: true,
                         control: .select(SelectList(options, selectedID: kept), chosen: kept, width: 30))
    }

    public var title: String { "单位开通集体申请资料填写" }

    /// What the form holds, as the settings to save.
    var settings: UnitRecord.CollectiveSettings {
        UnitRecord.CollectiveSettings(
            address: form.value("address"), operatorName: form.value("operatorName"),
            operatorDocumentNumber: form.value("operatorDocumentNumber"), operatorMobile: form.value("operatorMobile"),
            opened: form.value("opened") == "true", unitCollects: form.value("unitCollects") == "true",
            bank: form.value("bank"), branch: form.value("branch"))
    }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let bankBefore = form.value("bank")
        let event = form.handle(key)
        if form.value("bank") != bankBefore, let index = form.index(of: "branch") {
            // Another bank: its own branches, and none chosen yet.
            form.fields[index] = Self.branchField(bank: form.value("bank"), chosen: nil, branches: branches,
                                                  district: unit.district, names: districtNames)
        }
        switch event {
        case .pressed("submit"), .submitted: return (event, .submit(settings))
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "提交单位资料"), KeyHint("Esc", "返回首页"), .help, .logout]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
