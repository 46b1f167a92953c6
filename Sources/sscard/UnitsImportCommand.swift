import ArgumentParser
import CardDomain

/// `sscard units import FILE.csv`: units as master data (D11), on the same footing as
/// `records import`: idempotent, batched, exact summaries and a rejected-rows report.
struct UnitsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import units from a UTF-8 CSV file with a header row.",
        discussion: "Columns: " + UnitColumn.allCases.map(\.rawValue).joined(separator: ", ")
            + " (the last three optional). The 统一社会信用代码 is checked by its check character (GB 32100-2015), "
            + "the district against the list of Beijing's districts. Import units before the persons who work there. "
            + "Importing the same file again records nothing; exit 0 when every row was good, 3 when some were rejected "
            + "(listed in --report), 2 for a usage error, 1 when the disk failed."
            + "\n\nExample: sscard units import units.csv --report rejected.csv --data-dir /srv/sscard")

    @OptionGroup var options: ImportFileOptions

    func run() throws {
        try MasterDataImport(options: options, command: "units import", actorPrefix: "units-import")
            .run(columns: UnitColumn.allCases.map(\.rawValue)) { header, repository, _ in
                try UnitRowReader(header: header, reference: repository.reference)
            }
    }
}
