import CardApp
import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard records import FILE.csv`: exit 0 when every row was good, 3 when some were
/// rejected (listed by line, field and reason), 2 for a usage error such as a bad header
/// or a report that cannot be written (checked before anything is recorded), 1 when the
/// disk failed part-way (the summary still says exactly what was recorded).
struct RecordsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import persons from a UTF-8 CSV file with a header row.",
        discussion: "Columns: " + PersonColumn.allCases.map(\.rawValue).joined(separator: ", ")
            + ". English aliases (name, id number, …) are accepted. Importing the same file again records nothing; "
            + "exit 0 when every row was good, 3 when some were rejected (listed in --report), 2 for a usage error, 1 when the disk failed."
            + "\n\nExample: sscard records import people.csv --report rejected.csv --data-dir /srv/sscard")

    @OptionGroup var options: ImportFileOptions

    func run() throws {
        try MasterDataImport(options: options, command: "records import", actorPrefix: "records-import")
            .run(columns: PersonColumn.allCases.map(\.rawValue)) { header, repository, context in
                try PersonRowReader(header: header, reference: repository.reference, today: context.today)
            }
    }
}
