import Foundation
import Journal
import PostgresJournal
import SystemPackage

/// Which journal a deployment uses, named in one of three ways, the first found winning:
/// the `--journal` option, `SSCARD_JOURNAL`, or `journal` in the data directory's
/// `config.json`. None of them: the segment journal in `DIR/journal/`. A name must be a
/// postgresql:// URL without a password (`PostgresLocation` refuses one, and a pgpass file
/// others can read); the configuration file must be its owner's alone, like the folder.
public enum JournalSetting {
    public static let configName = "config.json"
    public static let environmentName = "SSCARD_JOURNAL"

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    private struct Config: Decodable { var journal: String? }

    /// The PostgreSQL URL, or nil for the segment journal.
    public static func resolve(option: String?, root: FilePath,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        let named: (value: String, source: String)?
        if let option, !option.isEmpty {
            named = (option, "--journal")
        } else if let value = environment[environmentName], !value.isEmpty {
            named = (value, environmentName)
        } else {
            named = try fromConfig(root.appending(configName)).map { ($0, root.appending(configName).string) }
        }
        guard let named else { return nil }
        do {
            return try PostgresLocation(named.value, environment: environment).conninfo
        } catch let refusal as PostgresLocation.Refusal {
            throw Problem(description: "\(named.source): \(refusal)")
        }
    }

    /// Makes `url` the data directory's journal for every later command (`config.json`,
    /// 0600, written whole or not at all): `setup --journal URL` does, so the next steps it
    /// prints need no `--journal`. Returns false when the configuration already names it; a
    /// configuration naming another journal is refused, since this directory's index and
    /// timeline belong to that one.
    @discardableResult
    public static func remember(_ url: String, in data: DataDirectory, io: any FileIO = SystemFileIO()) throws -> Bool {
        let path = data.root.appending(configName)
        switch try fromConfig(path) {
        case url?: return false
        case let other?: throw conflictProblem(path, names: other)
        case nil: break
        }
        try data.create(io: io)
        let bytes = try JSONSerialization.data(withJSONObject: ["journal": url], options: [.sortedKeys, .withoutEscapingSlashes])
        try io.writeAtomically(Array(bytes) + [0x0A], to: path)
        return true
    }

    /// The refusal `remember` would give: the configuration names another journal.
    public static func conflict(with url: String, root: FilePath) throws -> Problem? {
        let path = root.appending(configName)
        guard let configured = try fromConfig(path), configured != url else { return nil }
        return conflictProblem(path, names: configured)
    }

    private static func conflictProblem(_ path: FilePath, names configured: String) -> Problem {
        Problem(description: "\(path.string) 已指定另一个日志（\(configured)）。请改用它，或先删除该文件")
    }

    /// Why no journal may be opened here without naming one: the directory has been a site of
    /// a PostgreSQL journal (it remembers a timeline), so "the" journal would be a second,
    /// local one beside the shared one: a new one, or a hall's old one it was copied from.
    public static func unnamedSharedJournal(root: FilePath) -> String? {
        let data = DataDirectory(root)
        guard FileManager.default.fileExists(atPath: data.timelineRecord.string) else { return nil }
        return "数据目录 \(root.string) 是 PostgreSQL 日志的站点（有 \(DataDirectory.timelineFileName)），但这次没有指定日志。"
            + "请用 --journal URL、环境变量 \(environmentName) 或 \(root.appending(configName).string) 指定；"
            + "为免另用一份本地日志，什么也没有改动（此目录若确要改回本机日志，删除 \(data.timelineRecord.string)）"
    }

    private static func fromConfig(_ path: FilePath) throws -> String? {
        guard FileManager.default.fileExists(atPath: path.string) else { return nil }
        if let problem = PathSafety.problem(at: path, what: "配置文件") { throw Problem(description: "\(problem)") }
        guard let bytes = FileManager.default.contents(atPath: path.string) else {
            throw Problem(description: "\(path.string) cannot be read")
        }
        do {
            return try JSONDecoder().decode(Config.self, from: bytes).journal
        } catch {
            throw Problem(description: "\(path.string) is not valid JSON with a \"journal\" string: \(error)")
        }
    }
}
