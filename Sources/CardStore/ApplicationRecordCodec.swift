import CardDomain
import Foundation

/// An application as the shared index stores it: its status's name, a NUL, then the
/// application as JSON. The status comes first so that counting and merging read it
/// without decoding the rest. A draft is stored as JSON. Anything else decodes to nil (the
/// index is derived: `index verify` names it and `index rebuild` makes it again).
enum ApplicationRecordCodec {
    static func encode(_ application: Application) throws -> [UInt8] {
        Array(application.status.rawValue.utf8) + [0] + Array(try JSONEncoder().encode(application))
    }

    static func decode(_ bytes: some Collection<UInt8>) -> Application? {
        guard let separator = bytes.firstIndex(of: 0) else { return nil }
        return try? JSONDecoder().decode(Application.self, from: Data(bytes[bytes.index(after: separator)...]))
    }

    static func status(_ bytes: some Collection<UInt8>) -> ApplicationStatus? {
        guard let separator = bytes.firstIndex(of: 0) else { return nil }
        return ApplicationStatus(rawValue: String(decoding: bytes[..<separator], as: UTF8.self))
    }

    static func encode(_ draft: CardState.Draft) throws -> [UInt8] { Array(try JSONEncoder().encode(draft)) }

    static func decodeDraft(_ bytes: [UInt8]) -> CardState.Draft? {
        try? JSONDecoder().decode(CardState.Draft.self, from: Data(bytes))
    }
}
