import CardApp
import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation

/// `sscard demo seed`: creates DEMO-DATA.md's units, persons and accounts; `--persons N`
/// adds N generated valid people for scale tests. Running it again adds nothing.
struct DemoSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create the demo units, persons and accounts (password Demo@2026).")

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Also add this many generated people, for scale tests.", valueName: "N"))
    var persons: Int = 0

    func validate() throws {
        guard persons >= 0 else { throw ValidationError("--persons must be 0 or more") }
    }

    func run() throws {
        let started = Date()
        let outcome = try Self.seed(data: data, generated: persons)
        print("demo data: \(outcome.recorded) records added, \(outcome.unchanged) already present "
              + "(\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
    }

    static func seed(data: DataDirectoryOptions, generated: Int) throws -> DemoSeeder.Outcome {
        let repository = try CardRepository(data: data.data, reference: try CardResources.referenceData())
        defer { repository.close() }
        let seeder = DemoSeeder(repository: repository, context: SessionClock.context(channel: .counter))
        let demo = try CardResources.demoData()
        var outcome = try seeder.seed(demo) {
            var generator = SystemRandomNumberGenerator()
            return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        }
        if generated > 0 {
            let more = try seeder.seedGenerated(count: generated, units: demo.units.map(\.number))
            outcome.recorded += more.recorded
            outcome.unchanged += more.unchanged
        }
        if outcome.recorded > 0 { try repository.saveSnapshot() }
        return outcome
    }
}
