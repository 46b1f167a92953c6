import ArgumentParser
import Journal

/// `sscard journal recover`: for an operator, after a writer could not void records whose
/// write or sync failed (the journal then refuses to open). Run it once the disk is sound:
/// it zeroes those never-acknowledged records, syncs, and lets the journal open again.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Void the records a failed writer left unacknowledged, so the journal opens again.",
        discussion: "Run it once the disk is sound again, when sscard refuses to start because a failed write could not be voided (NEEDS-RECOVERY in the journal folder).\n\nExample: sscard journal recover --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        let directory = try data.existingJournal(command: "sscard journal recover")
        var standardError = StandardError()
        do {
            guard let marker = try Journal.voidUnacknowledged(directory: directory) else {
                print("journal: \(directory.string)")
                print("nothing to recover: no writer left unacknowledged records")
                return
            }
            for range in marker.ranges {
                print("voided \(range.to - range.from) bytes at offset \(range.from) of segment \(range.segment)")
            }
            print("recovered: the journal opens again; run 'sscard journal verify' to check it")
        } catch {
            print("sscard: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }
}
