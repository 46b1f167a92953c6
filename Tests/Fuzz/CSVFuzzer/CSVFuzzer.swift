import CardDomain
import CardResources
import FuzzSupport

/// libFuzzer target: the CSV reader and the person-row reader over arbitrary bytes, with
/// the real reference lists. Every row of every parsed table is read, and every message
/// is escaped as the import prints it. Built normally, it replays the files it is given.
let reference = try! CardResources.referenceData()
let today = CalendarDate(year: 2026, month: 11, day: 22)!

func fuzzOne(_ bytes: [UInt8]) {
    guard let table = CSVTable.parse(bytes) else { return }
    // The import's own header, so that rows reach the field readers even when the
    // fuzzer's header is not one.
    let headers = [table.header, PersonColumn.allCases.map(\.rawValue)]
    for header in headers {
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
}

#if FUZZING
/// libFuzzer's entry for one input (named only under libFuzzer, so that the test bundle,
/// which links every target, sees no duplicate symbol).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_cdecl("CSVFuzzer_main")
func fuzzMain(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc: argc, argv: argv, fuzzerTestOneInput)
}
#else
/// Without libFuzzer: replay the inputs named on the command line.
@main struct Replay {
    static func main() { FuzzReplay.run(fuzzOne) }
}
#endif
