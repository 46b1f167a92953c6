import ArgumentParser
import CardStore

/// `sscard index verify`: exit 0 when the read models agree with a fresh replay of the
/// journal, 1 naming each difference (at most 20), 2 when there is no journal.
struct IndexVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare the shared index (persons, applications, drafts) and the snapshot with a fresh replay of the journal; change nothing.",
        discussion: "Exit 0 when they agree, 1 naming each difference (numbers masked) or the damage found, 2 when there is no journal.\n\nExample: sscard index verify --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        let report: ReadModelVerifier.Report
        do {
            report = try ReadModelVerifier(data: data.data).verify()
        } catch let damage as IndexDamage {
            throw damaged(damage.reason)
        } catch let unusable as IndexUnusable {
            throw damaged(unusable.reason)
        }
        print("journal: \(report.journalEnd) records")
        print("person index: \(report.indexedPersons) persons, at record \(report.indexPosition)")
        print("application index: \(report.indexedApplications) applications")
        print("history index: \(report.historyEntries) entries, at record \(report.historyPosition)")
        print("snapshot: " + (report.snapshotSequence.map { "at record \($0)" } ?? "none"))
        if report.indexPosition < report.journalEnd {
            print("the shared index is \(report.journalEnd - report.indexPosition) records behind the journal; the next start or command catches it up")
        }
        guard report.differences.isEmpty else {
            for difference in report.differences { print("difference: \(difference)") }
            print("status: differs (sscard index rebuild makes them again from the journal)")
            throw ExitCode(1)
        }
        print("status: consistent")
    }

    /// Names the damage and the command that repairs it; exit 1, as for any difference.
    private func damaged(_ reason: String) -> ExitCode {
        print("status: damaged: \(reason)")
        print("repair: sscard index rebuild --data-dir \(data.resolved().string)  (or start sscard: a start repairs it)")
        return ExitCode(1)
    }
}
