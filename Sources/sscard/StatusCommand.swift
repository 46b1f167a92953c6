import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import Journal
import Prometheus
import SystemPackage

/// `sscard status`: one screenful of a deployment's health, and the Nagios exit code a
/// monitor acts on (0 OK, 1 WARNING, 2 CRITICAL); `--json` for scripts, `--prometheus FILE`
/// for node_exporter's textfile collector.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the deployment's health: journal, index, disk, backups, accounts, processes.",
        discussion: "Exit 0 OK, 1 WARNING (no backup for 24 h, disk over 80 %, index far behind), 2 CRITICAL (NEEDS-RECOVERY, "
            + "a damaged index, disk over 95 %); the thresholds are the status entry of terminal.json. Reads only: the index "
            + "is not caught up first, so how far behind it is shows.\n\nExample: sscard status --prometheus /var/lib/node_exporter/sscard.prom")

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Also write the figures in the Prometheus text format to FILE (atomically).", valueName: "FILE"))
    var prometheus: String?

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        _ = try data.requireJournal()
        let policy = try TerminalPolicy.load()
        let now = SessionClock.nowMicroseconds()
        let probe = StatusProbe(data: data.data, thresholds: policy.status)
        // Figures first, as the disk stands; the state (accounts, codes) only when the journal opens.
        var status = probe.status(now: now, state: nil)
        if !status.journal.needsRecovery, status.index.problem == nil,
           let repository = try? CardRepository(data: data.data, reference: CardResources.referenceData()) {
            status.count(in: repository.state, now: now)
            repository.close()
        }
        if let prometheus { try write(status, toPrometheus: prometheus) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
        } else {
            print(status.lines.joined(separator: "\n"))
        }
        if status.level != .ok { throw ExitCode(Int32(status.level.rawValue)) }
    }

    /// The figures through swift-prometheus's registry, written beside FILE and renamed over it.
    private func write(_ status: DeploymentStatus, toPrometheus path: String) throws {
        let registry = PrometheusCollectorRegistry()
        func gauge(_ name: String, _ value: Double) { registry.makeGauge(name: "sscard_" + name).set(value) }
        gauge("status_level", Double(status.level.rawValue))
        gauge("journal_records", Double(status.journal.records))
        gauge("journal_bytes", Double(status.journal.bytes))
        gauge("journal_segments", Double(status.journal.segments))
        gauge("journal_last_record_timestamp_seconds", Double(status.journal.lastRecordAt ?? 0) / 1_000_000)
        gauge("journal_needs_recovery", status.journal.needsRecovery ? 1 : 0)
        gauge("index_behind_records", Double(status.index.behind ?? 0))
        gauge("index_damaged", status.index.problem == nil ? 0 : 1)
        gauge("index_bytes", Double(status.index.bytes))
        gauge("disk_free_bytes", Double(status.disk.freeBytes))
        gauge("disk_used_percent", Double(status.disk.usedPercent))
        gauge("last_backup_timestamp_seconds", Double(status.lastBackup?.at ?? 0) / 1_000_000)
        gauge("last_backup_sequence", Double(status.lastBackup?.lastSequence ?? 0))
        gauge("accounts_locked", Double(status.lockedAccounts.count))
        gauge("accounts_disabled", Double(status.disabledAccounts.count))
        gauge("login_codes_pending", Double(status.pendingLoginCodes))
        gauge("processes", Double(status.processes))
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        // Figures only, no personal data: readable by the collector's user (0644).
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(buffer), attributes: [.posixPermissions: 0o644]),
              rename(temporary, path) == 0 else {
            unlink(temporary)
            var standardError = StandardError()
            print("sscard status: 无法写入 \(TerminalText.escaped(path))", to: &standardError)
            throw ExitCode(2)
        }
    }
}
