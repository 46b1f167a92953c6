import CardDomain
import Crypto
import Foundation
import SystemPackage

/// Drafts that could not be recorded because the journal's server was away, kept on this
/// site's disk (`DIR/unsaved-drafts/`, 0700, each file 0600) until the server answers
/// again and they are recorded. A file is claimed by renaming it before it is recorded, so
/// two processes never record one draft; one whose draft is already in the journal (the
/// process died after recording it) is removed without recording it again.
public struct UnsavedDrafts: Sendable {
    public struct Draft: Codable, Equatable, Sendable {
        public var personNumber: String
        public var step: String
        public var form: ApplicationForm
        public var channel: Channel
        public var username: String
        public var role: Role
        public var assisting: String?
        public var keptAt: Int64

        public init(personNumber: String, step: String, form: ApplicationForm, channel: Channel, actor: Actor, keptAt: Int64) {
            self.personNumber = personNumber
            self.step = step
            self.form = form
            self.channel = channel
            username = actor.username
            role = actor.role
            assisting = actor.assisting
            self.keptAt = keptAt
        }

        public var actor: Actor {
            Actor(username: username, role: role, personNumber: role == .person ? personNumber : nil, assisting: assisting)
        }
    }

    public let folder: FilePath

    public init(data: DataDirectory) {
        folder = data.root.appending("unsaved-drafts")
    }

    /// Keeps `draft` on disk, durably: written beside, synced, renamed over the last one
    /// kept for the same person by the same user.
    public func keep(_ draft: Draft) throws {
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let name = Self.name(person: draft.personNumber, username: draft.username)
        let temporary = folder.appending(name + ".new").string
        let bytes = try JSONEncoder().encode(draft)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Errno(rawValue: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw Errno(rawValue: errno == 0 ? EIO : errno) }
        guard rename(temporary, folder.appending(name + ".json").string) == 0 else { throw Errno(rawValue: errno) }
        let directory = open(folder.string, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 { _ = fsync(directory); close(directory) }
    }

    /// The files of `username`'s drafts waiting to be recorded.
    public func waiting(for username: String) -> [FilePath] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []
        let mine = Self.userPart(username)
        return names.filter { $0.hasSuffix(".json") && $0.hasPrefix(mine) }.sorted().map { folder.appending($0) }
    }

    /// Claims a waiting file for this process (nil when another process took it first), with its draft.
    public func claim(_ file: FilePath) -> (claimed: FilePath, draft: Draft)? {
        let claimed = FilePath(file.string + ".saving-" + ProcessIdentity.current.name)
        guard rename(file.string, claimed.string) == 0 else { return nil }
        guard let bytes = FileManager.default.contents(atPath: claimed.string),
              let draft = try? JSONDecoder().decode(Draft.self, from: bytes) else {
            // Not a draft this program wrote: set aside, never recorded, never deleted.
            _ = rename(claimed.string, file.string + ".unreadable")
            return nil
        }
        return (claimed, draft)
    }

    /// Gives a claimed file back to wait for the next try.
    public func release(_ claimed: FilePath, as file: FilePath) { _ = rename(claimed.string, file.string) }

    public func remove(_ claimed: FilePath) { _ = unlink(claimed.string) }

    /// A draft the journal refused (its application was submitted meanwhile): kept aside
    /// for an operator, never tried again.
    public func setAside(_ claimed: FilePath) {
        let name = claimed.string.components(separatedBy: ".json.saving-").first ?? claimed.string
        _ = rename(claimed.string, name + ".refused")
    }

    /// Files claimed by processes that died before recording them wait again, also when
    /// another process has been given the dead one's id since (`ProcessIdentity`).
    public func reclaimAbandoned() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? [] {
            guard let range = name.range(of: ".json.saving-"),
                  let claimant = ProcessIdentity(name: name[range.upperBound...]), !claimant.isRunning else { continue }
            _ = rename(folder.appending(name).string, folder.appending(String(name[..<range.lowerBound]) + ".json").string)
        }
    }

    /// The user's part of a file name, then the person's: a hash, so no ID number is in a name.
    static func name(person: String, username: String) -> String {
        userPart(username) + "-" + SHA256.hash(data: Data(("person:" + person).utf8)).hexadecimal.prefix(16)
    }

    static func userPart(_ username: String) -> String {
        String(SHA256.hash(data: Data(("user:" + username).utf8)).hexadecimal.prefix(16))
    }
}
