import CardDomain
import Foundation
import Journal

/// One deployment's health, as `sscard status` prints it and 系统状态 shows it: the journal,
/// the index, the disk, the last backup, accounts, login codes and clerk processes, and the
/// level a monitor acts on (Nagios: 0 OK, 1 WARNING, 2 CRITICAL) with the reasons.
public struct DeploymentStatus: Codable, Equatable, Sendable {
    public enum Level: Int, Codable, Comparable, Sendable {
        case ok = 0, warning = 1, critical = 2
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
        public var word: String { ["正常 OK", "警告 WARNING", "严重 CRITICAL"][rawValue] }
    }

    public struct JournalFigures: Codable, Equatable, Sendable {
        public var records: UInt64
        /// The segment files' sizes (each reserves its space when made).
        public var bytes: Int64
        /// What the records themselves take: the full segments and the last one up to its last record.
        public var usedBytes: Int64
        public var segments: Int
        public var lastRecordAt: Int64?
        public var needsRecovery: Bool
    }

    public struct IndexFigures: Codable, Equatable, Sendable {
        public var position: UInt64?
        public var behind: UInt64?
        /// Nil when the index opened and read cleanly; else what was wrong.
        public var problem: String?
        public var bytes: Int64
    }

    public struct DiskFigures: Codable, Equatable, Sendable {
        public var freeBytes: Int64
        public var totalBytes: Int64
        public var usedPercent: Int
        /// At the last week's rate of new records; nil when there is too little to tell.
        public var daysLeft: Int?
    }

    /// The journal's server, when the journal is on PostgreSQL.
    public struct ServerFigures: Codable, Equatable, Sendable {
        public var journal: String
        public var timeline: Int64
        public var synchronousStandbyNames: String
        /// Nil when the site's role may not see the standbys (grant it pg_monitor).
        public var synchronousStandbys: Int?
        /// Other sscard processes with a session on the journal, by host (every site's).
        public var processesByHost: [String: Int]?
    }

    public var journal: JournalFigures
    public var server: ServerFigures?
    public var index: IndexFigures
    public var disk: DiskFigures
    public var lastBackup: JournalBackup.Record?
    /// User names, persons' masked.
    public var lockedAccounts: [String]
    public var disabledAccounts: [String]
    public var pendingLoginCodes: Int
    /// Processes (other than this one) with the journal open: clerks, kiosks, imports; on
    /// PostgreSQL, those with a session on it, at every site.
    public var processes: Int
    public var level: Level
    public var reasons: [String]

    /// Adds what only the state knows: locked and disabled accounts, pending login codes.
    public mutating func count(in state: CardState, now: Int64) {
        let accounts = state.accounts.values.sorted { $0.username < $1.username }
        lockedAccounts = accounts.filter { state.lockedUntil($0.username, now: now) != nil }.map { PrivacyMask.userName($0.username) }
        disabledAccounts = accounts.filter(\.isDisabled).map { PrivacyMask.userName($0.username) }
        pendingLoginCodes = state.loginCodes.values.filter { $0.decision == nil && !$0.used && $0.expiresAt > now }.count
    }
}
