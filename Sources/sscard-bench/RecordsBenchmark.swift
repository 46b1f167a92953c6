import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard-bench records --rows N --data-dir D`: writes a master-data CSV of N generated
/// people, then imports it as `sscard records import` does, timing each phase. A second
/// pass imports the same file again (it must record nothing). `--csv-out` keeps the file
/// for timing the real command.
struct RecordsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Measure the master-data import (issue 3's target: 100,000 rows in under 10 s).")

    @Option(help: "Rows to generate and import.")
    var rows: Int = 100_000

    @Option(name: .customLong("data-dir"), help: "An empty data directory to import into.")
    var dataDirectory: String

    @Option(name: .customLong("csv-out"), help: "Also keep the generated CSV here.")
    var csvOut: String?

    func run() throws {
        let reference = try CardResources.referenceData()
        let units = ["10000001", "10000002"]
        let bytes = Array(GeneratedCSV.file(rows: rows, units: units, reference: reference).utf8)
        if let csvOut { FileManager.default.createFile(atPath: csvOut, contents: Data(bytes)) }

        let repository = try CardRepository(data: DataDirectory(FilePath(dataDirectory)), reference: reference)
        defer { repository.close() }
        repository.upkeep = .bulk
        let context = CommandContext(now: Int64(Date().timeIntervalSince1970 * 1_000_000),
                                     today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "bench", channel: .counter)
        let admin = Actor.system("bench")
        // Each unit its own credit code: a second unit with the first one's is refused.
        let recorded = try repository.executeBatch(units.map {
            .recordUnit(UnitRecord(number: $0, name: "单位\($0)", creditCode: CreditCode.completing("91110105MA" + $0.suffix(7))!,
                                   district: "110105"))
        }, by: admin, context: context)
        for case .failure(let refusal) in recorded { throw BenchFailure(reason: "a unit was refused: \(refusal)") }
        let importer = RecordsImporter(repository: repository, actor: admin, context: context)

        var clock = Date()
        let table = CSVTable.parse(bytes)!
        let parseSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        let first = try importer.run(table)
        // As `sscard records import` does when it ends, so the next start replays nothing.
        try repository.saveSnapshot()
        let importSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        let second = try importer.run(table)
        let againSeconds = Date().timeIntervalSince(clock)
        print("records: \(rows) rows, \(bytes.count / 1024) KiB of CSV")
        print(String(format: "  parse CSV        %.3f s", parseSeconds))
        print(String(format: "  import           %.3f s  (%d recorded, %d rejected, %.0f rows/s, %d syncs)",
                     importSeconds, first.recorded, first.rejectedRows, Double(rows) / importSeconds,
                     (rows + RecordsImporter.batchSize - 1) / RecordsImporter.batchSize))
        print(String(format: "  import again     %.3f s  (%d recorded, %d unchanged)", againSeconds, second.recorded, second.unchanged))
        print(String(format: "records: parse + import %.3f s", parseSeconds + importSeconds))
    }
}
