import Foundation
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
