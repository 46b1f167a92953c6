import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sscard-bench",
        abstract: "Benchmarks for sscard, after LevelDB's db_bench. Build with -c release.",
        subcommands: [JournalBenchmark.self, RecordsBenchmark.self, RenderBenchmark.self, UnitBenchmark.self, DistrictBenchmark.self, HistoryBenchmark.self, ImportWatchBenchmark.self, PostgresJournalBenchmark.self, SitesBenchmark.self]
    )
}
