import CardDomain
import Foundation

/// Policy and reference data shipped as files (Resources/Data), decoded into domain values.
/// A file that is missing or malformed is an error naming it, never a crash.
public enum CardResources {
    public struct LoadError: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "reference data \(file): \(reason)" }
    }

    public static func districts() throws -> [District] {
        try decode("districts", as: DistrictFile.self).districts
    }

    public static func ethnicGroups() throws -> [EthnicGroup] {
        try decode("ethnic-groups", as: EthnicGroupFile.self).ethnicGroups
    }

    public static func banks() throws -> [Bank] {
        try decode("banks", as: BankFile.self).banks
    }

    static func decode<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Data") else {
            throw LoadError(file: "\(name).json", reason: "not found in the resource bundle")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw LoadError(file: "\(name).json", reason: "\(error)")
        }
    }

    struct DistrictFile: Decodable { var districts: [District] }
    struct EthnicGroupFile: Decodable { var ethnicGroups: [EthnicGroup] }
    struct BankFile: Decodable { var banks: [Bank] }
}
