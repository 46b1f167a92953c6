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
        abstract: "Create the demo units, persons and accounts (password Demo@2026).",
        discussion: "Adds what is missing of the demo data set; with --persons and --unit-employees, generated people as well, for trying sscard at a district's size.\n\nExample: sscard demo seed --persons 100000 --data-dir /tmp/sscard-demo"
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Also add this many generated people, for scale tests.", valueName: "N"))
    var persons: Int = 0

    @Option(help: ArgumentHelp("Give the unit (--unit) this many generated employees, for its lists at scale.", valueName: "N"))
    var unitEmployees: Int = 0

    @Option(help: ArgumentHelp("The unit --unit-employees adds to (a demo unit).", valueName: "单位编号"))
    var unit: String = "10000002"

    func validate() throws {
        guard persons >= 0, unitEmployees >= 0 else { throw ValidationError("--persons and --unit-employees must be 0 or more") }
        guard ["10000001", "10000002"].contains(unit) else { throw ValidationError("--unit must be a demo unit: 10000001 or 10000002") }
    }

    func run() throws {
        let started = Date()
        let outcome = try Self.seed(data: data, generated: persons, unitEmployees: unitEmployees, unit: unit)
        print("demo data: \(outcome.recorded) records added, \(outcome.unchanged) already present "
              + "(\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
    }

    static func seed(data: DataDirectoryOptions, generated: Int, unitEmployees: Int = 0,
                     unit: String = "10000002") throws -> DemoSeeder.Outcome {
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        repository.upkeep = .bulk
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
        if unitEmployees > 0 {
            let more = try seeder.seedEmployees(count: unitEmployees, unit: unit)
            outcome.recorded += more.recorded
            outcome.unchanged += more.unchanged
        }
        if outcome.recorded > 0 { try repository.saveSnapshot() }
        return outcome
    }
}
