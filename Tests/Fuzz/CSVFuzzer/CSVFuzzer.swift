import CardDomain
import CardResources
import FuzzSupport

/// The CSV reader and the person-row and unit-row readers over arbitrary bytes, with the real reference
/// lists. Every row of every parsed table is read, and every message is escaped as the
/// import prints it.
@main enum CSVFuzzer: FuzzTarget {
    static let reference = try! CardResources.referenceData()
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    static func fuzz(_ bytes: [UInt8]) {
        // The import's first pass (which keeps no rows) must see what the whole parse sees.
        let survey = CSVTable.survey(bytes)
        guard let table = CSVTable.parse(bytes) else {
            precondition(survey == nil, "the survey read text that the parse refused")
            return
        }
        precondition(survey == CSVSurvey(header: table.header, rowCount: table.rows.count, unclosedQuoteLine: table.unclosedQuoteLine),
                     "the survey differs from the parse")
        // The import's own header too, so that rows reach the field readers even when the
        // fuzzer's header is not one.
        for header in [table.header, PersonColumn.allCases.map(\.rawValue)] {
            guard let reader = try? PersonRowReader(header: header, reference: reference, today: today) else { continue }
            for row in table.rows {
                switch reader.read(row.fields) {
                case .success(let person):
                    for problem in PersonRecordCheck.problems(person, reference: reference, today: today) {
                        _ = TerminalText.escaped(problem.message)
                    }
                case .failure(let found):
                    for problem in found.problems { _ = TerminalText.escaped(problem.message) }
                }
            }
        }
        for header in [table.header, UnitColumn.allCases.map(\.rawValue)] {
            guard let reader = try? UnitRowReader(header: header, reference: reference) else { continue }
            for row in table.rows {
                switch reader.read(row.fields) {
                case .success(let unit):
                    if case .failure = CreditCode.parse(unit.creditCode) { preconditionFailure("a unit was read with a credit code that does not check") }
                case .failure(let found):
                    for problem in found.problems { _ = TerminalText.escaped(problem.message) }
                }
            }
        }
    }
}
