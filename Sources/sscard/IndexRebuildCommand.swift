import ArgumentParser
import CardResources
import CardStore
import Foundation

/// `sscard index rebuild`: makes the read models again from the journal alone. The person
/// index is rebuilt in one transaction, so running clerks read the old one until it is done.
struct IndexRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild the shared index (persons, applications, drafts) and the snapshot from the journal."
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        _ = try data.existingJournal()
        let started = ContinuousClock.now
        let index = try SharedIndex.shared(in: data.data)
        let position = try index.catchUp(journal: data.data.journal, rebuild: true)
        // The snapshot is made again too: the repository replays the journal without it.
        try SnapshotStore(directory: data.data.snapshots).remove(CardProjection.snapshotName)
        let repository = try CardRepository(data: data.data, reference: try CardResources.referenceData())
        defer { repository.close() }
        try repository.saveSnapshot()
        print("person index: \(index.count) persons, at record \(position)")
        print("application index: \(index.census([]).total) applications")
        print("snapshot: at record \(repository.sequence)")
        print("rebuilt in \(started.duration(to: .now))")
    }
}
