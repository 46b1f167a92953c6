import ArgumentParser
import CardResources
import CardStore
import Foundation

/// `sscard index rebuild`: makes the read models again from the journal alone. The person
/// index is rebuilt in one transaction, so running clerks read the old one until it is done.
struct IndexRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild the shared index (persons, applications, drafts) and the snapshot from the journal.",
        discussion: "Running clerks read the old index until the new one is complete. An index that cannot be opened at all is moved aside (index.damaged-<time>) and built anew.\n\nExample: sscard index rebuild --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        guard try data.hasJournal() else {
            var standardError = StandardError()
            print("sscard: no journal at \(data.data.journalName)", to: &standardError)
            throw ExitCode(2)
        }
        let started = ContinuousClock.now
        // A new site on a shared journal has no data directory yet: its index is built here.
        if data.journalURL != nil { try data.data.create() }
        let journal = try data.data.openJournal()
        defer { journal.close() }
        // An index that cannot be opened at all is moved aside and built anew beside it.
        let (index, repair) = try SharedIndex.openRepairing(in: data.data, journal: journal)
        if let repair { OpenedRepository.report(repair) }
        let position: UInt64
        do {
            position = try index.catchUp(journal: journal, rebuild: true)
        } catch is IndexDamage {
            // Damage the rebuild's own reads met (it empties the tables in place): build beside it.
            position = try index.repair(journal: journal).position
        }
        // The snapshot is made again too: the repository replays the journal without it.
        try SnapshotStore(directory: data.data.snapshots).remove(CardProjection.snapshotName)
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        try repository.saveSnapshot()
        print("person index: \(index.count) persons, at record \(position)")
        print("application index: \(index.census([]).total) applications")
        print("snapshot: at record \(repository.sequence)")
        let seconds = started.duration(to: .now).components
        print(String(format: "rebuilt in %.1f seconds", Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18))
    }
}
