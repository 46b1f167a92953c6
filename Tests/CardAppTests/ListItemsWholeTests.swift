import CardDomain
import CardResources
import Testing
import TerminalUI

/// Branch names were cut in the 办卡网点 list ("中国建设银行北京石景山支") although the popup had
/// room: a label was padded, and cut, to 24 columns. Every item of every reference list is
/// now whole in the popup an 80x24 screen opens, or visibly marked where a list is truly
/// too narrow.
@Suite struct ListItemsWholeTests {
    static let reference = try! CardResources.referenceData()

    /// The lists as the screens build them (`UnitSettingsScreen`, `StepFields`).
    static var lists: [(name: String, options: [ChoiceOption])] {
        let districts = Dictionary(reference.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return [
            ("banks", reference.banks.map { ChoiceOption(id: $0.name, label: $0.name) }),
            ("branches", reference.branches.map { ChoiceOption(id: $0.name, label: $0.name, detail: districts[$0.district] ?? "") }),
            ("districts", reference.districts.map { ChoiceOption(id: $0.code, label: $0.name) }),
            ("ethnic groups", reference.ethnicGroups.map { ChoiceOption(id: $0.code, label: $0.name) }),
            ("occupations", reference.occupations.map { ChoiceOption(id: $0.code, label: $0.name) }),
        ]
    }

    /// Draws every option of `options` at once in a list `width` columns wide.
    static func drawn(_ options: [ChoiceOption], width: Int) -> [String] {
        var list = SelectList(options)
        var canvas = Canvas(width: width, height: options.count + 1)
        list.draw(on: &canvas, in: Rect(row: 0, column: 0, width: width, height: options.count + 1))
        return Array(canvas.grid.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init))
    }

    /// The popup at 80x24 is 56 columns with its border; its list is 54.
    @Test func everyItemIsWholeInThePopupOfAnEightyColumnScreen() {
        for (name, options) in Self.lists {
            #expect(!options.isEmpty, "\(name)")
            let rows = Self.drawn(options, width: 54)
            for (option, row) in zip(options, rows) {
                #expect(row.contains(option.label) && (option.detail.isEmpty || row.contains(option.detail)), "\(name): \(row)")
                #expect(!row.hasSuffix(">"), "\(name): \(row)")
            }
        }
    }

    @Test func anItemCutInANarrowListEndsInAMarker() {
        let options = [ChoiceOption(id: "a", label: "中国建设银行北京石景山支行", detail: "石景山区")]
        let row = Self.drawn(options, width: 20)[0]
        #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix(">"), "\(row)")
        #expect(Self.drawn(options, width: 40)[0].contains("中国建设银行北京石景山支行  石景山区"))
    }
}
