import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage
import TerminalUI

/// `sscard-bench unit`: a large employer at the terminal. Seeds a unit with N employees,
/// C of them 信息已确认, logs its operator in, and times what the operator's keys cost
/// (the key handled and the 80x24 frame drawn): opening 职工申请信息提交 and 职工申请情况查询,
/// page steps, a filter, a search, ticking all, and submitting all in one batch.
/// Issue 14's targets: each step under 50 ms; ticking all and submitting under 2 s.
struct UnitBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Measure the unit operator's employee lists and batch submission at scale.")

    @Option(help: "Employees of the unit.")
    var employees: Int = 5_000

    @Option(help: "How many of them have confirmed (信息已确认).")
    var confirmed: Int = 2_000

    @Option(help: ArgumentHelp("Where to build the data (a fresh folder); a temporary one by default.", valueName: "DIR"))
    var dataDir: String?

    @Flag(help: "Only time the back office's queue over the applications already in --data-dir.")
    var queueOnly = false

    func validate() throws {
        guard employees > 0, (0...employees).contains(confirmed) else {
            throw ValidationError("--confirmed must be between 0 and --employees")
        }
    }

    func run() throws {
        let directory = dataDir ?? NSTemporaryDirectory() + "sscard-bench-unit-\(UUID().uuidString)"
        defer { if dataDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let repository = try CardRepository(data: DataDirectory(FilePath(directory)), reference: CardResources.referenceData())
        defer { repository.close() }
        if queueOnly { return print(BackOfficeQueueTimings(state: repository.state).report) }
        let seeding = LatencyRecorder.now()
        try UnitBenchmarkData(repository: repository).seed(employees: employees, confirmed: confirmed)
        print("seeded \(employees) employees of 10000002, \(confirmed) confirmed, in "
              + String(format: "%.1f s", Double(LatencyRecorder.now() - seeding) / 1e9))

        let environment = try AppEnvironment(repository: repository, policy: TerminalPolicy.load(),
                                             options: AppOptions(channel: .web), terminal: "bench")
        var driver = KeyDriver(model: AppModel(environment: environment, now: UnitBenchmarkData.now))
        driver.press([.tab, .down, .enter] + Key.typing("shequ-admin") + [.tab] + Key.typing("Demo@2026") + [.enter])
        driver.measure("open 职工申请信息提交 (信息已确认)", [.down, .enter])
        for _ in 0..<10 { driver.measure("page down", [.pageDown]) }
        driver.measure("end", [.end])
        driver.measure("filter: 全部", [.backTab, .backTab, .enter, .home, .enter], timing: 1)
        driver.measure("search: last digits", [.character("/")] + Key.typing("0011") + [.enter], timing: 1)
        driver.measure("filter: 信息已确认", [.backTab, .control("u"), .enter, .backTab, .backTab, .enter, .home, .down, .down, .enter],
                       timing: 1)
        driver.measure("tick all (A)", [.character("a")])
        driver.measure("submit all: question", [.enter])
        driver.measure("submit all: one batch", [.enter])
        let submitted = repository.state.applications(in: .submitted).count
        driver.measure("open 职工申请情况查询", [.enter, .escape, .down, .down, .enter], timing: 1)
        for _ in 0..<5 { driver.measure("query page down", [.pageDown]) }
        print(driver.report)
        print("submitted: \(submitted) of \(confirmed)")
        print(BackOfficeQueueTimings(state: repository.state).report)
    }
}

/// Presses keys on the model and times the last `timing` of them, each with a frame drawn.
struct KeyDriver {
    var model: AppModel
    private var lines: [String] = []
    private var clock: Int64 = UnitBenchmarkData.now

    init(model: AppModel) { self.model = model }

    mutating func press(_ keys: [Key]) {
        for key in keys {
            clock += 1_000_000
            _ = model.handle(key, now: clock)
            _ = model.render(width: 80, height: 24, now: clock)
        }
    }

    /// Presses `keys`; the time of the last `timing` keys (all when nil), handled and drawn.
    mutating func measure(_ name: String, _ keys: [Key], timing: Int? = nil) {
        let untimed = keys.count - (timing ?? keys.count)
        press(Array(keys.prefix(untimed)))
        let start = LatencyRecorder.now()
        press(Array(keys.dropFirst(untimed)))
        let milliseconds = Double(LatencyRecorder.now() - start) / 1e6
        lines.append(TextLayout.pad(name, to: 36) + String(format: "%9.2f ms", milliseconds))
    }

    var report: String { lines.joined(separator: "\n") }
}
