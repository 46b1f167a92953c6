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

    public static func occupations() throws -> [Occupation] {
        try decode("occupations", as: OccupationFile.self).occupations
    }

    public static func countries() throws -> [Country] {
        try decode("countries", as: CountryFile.self).countries
    }

    /// The sample branches; `isSample` says that they are not the banks' real list.
    public static func branches() throws -> (branches: [Branch], isSample: Bool) {
        let file = try decode("branches", as: BranchFile.self)
        return (file.branches, file.sample)
    }

    public static func documentTypes() throws -> [DocumentType] {
        try decode("document-types", as: DocumentTypeFile.self).documentTypes
    }

    /// The channel profiles, each with the file's default labels and conditions merged under its own.
    public static func channels() throws -> [ChannelProfile] {
        let file = try decode("channels", as: ChannelFile.self)
        return file.channels.map { channel in
            var merged = channel
            merged.labels = file.defaultLabels.merging(channel.labels) { _, own in own }
            merged.conditions = file.defaultConditions.merging(channel.conditions ?? [:]) { _, own in own }
            return merged
        }
    }

    public static func texts() throws -> [PolicyText] {
        try decode("texts", as: TextFile.self).texts
    }

    public static func photoRequirements() throws -> [PhotoRequirement] {
        try decode("photo-requirements", as: PhotoRequirementFile.self).photoRequirements
    }

    /// Everything at once, for the core's rules.
    public static func referenceData() throws -> ReferenceData {
        ReferenceData(districts: try districts(), ethnicGroups: try ethnicGroups(), banks: try banks(),
                      branches: try branches().branches, occupations: try occupations(), countries: try countries(),
                      documentTypes: try documentTypes(), channels: try channels(), texts: try texts(),
                      photoRequirements: try photoRequirements(), loginPolicy: try loginPolicy())
    }

    /// D10's login limits, from terminal.json.
    public static func loginPolicy() throws -> LoginPolicy {
        try decode("terminal", as: LoginPolicyFile.self).login
    }

    /// The demo data set of DEMO-DATA.md.
    public static func demoData() throws -> DemoDataSet {
        try decode("demo", as: DemoDataSet.self)
    }

    /// Decodes a data file; other modules use it for their own policy types (the terminal
    /// app's settings in terminal.json).
    public static func decode<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
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
    struct OccupationFile: Decodable { var occupations: [Occupation] }
    struct CountryFile: Decodable { var countries: [Country] }
    struct BranchFile: Decodable { var sample: Bool; var branches: [Branch] }
    struct DocumentTypeFile: Decodable { var documentTypes: [DocumentType] }
    struct ChannelFile: Decodable {
        var defaultLabels: [String: String]
        var defaultConditions: [String: FieldCondition]
        var channels: [ChannelProfile]
    }
    struct TextFile: Decodable { var texts: [PolicyText] }
    struct LoginPolicyFile: Decodable { var login: LoginPolicy }
    struct PhotoRequirementFile: Decodable { var photoRequirements: [PhotoRequirement] }
}
