import CLMDB
import CLMDBGuard

/// The index holds bytes that do not check: a value whose checksum does not match its key
/// and bytes, a page LMDB cannot find or parse, a file shorter than its pages, or memory
/// the map cannot read. Nothing read from it is served; it is moved aside and rebuilt.
public struct IndexDamage: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public var description: String { "the shared index is damaged: \(reason)" }

    public init(reason: String) { self.reason = reason }

    /// A stored value whose checksum does not match its key and bytes (`IndexChecksum`).
    static let checksumMismatch = IndexDamage(reason: "a value's checksum does not match its key and bytes")

    /// LMDB's codes that mean the file itself is bad, as opposed to the disk or the system.
    static func fromLMDB(_ code: Int32, _ call: String) -> IndexDamage? {
        switch code {
        case SSCARD_LMDB_FAULT: return IndexDamage(reason: "\(call) read memory past the end of the index file")
        case MDB_CORRUPTED, MDB_PAGE_NOTFOUND, MDB_INVALID, MDB_VERSION_MISMATCH, MDB_INCOMPATIBLE, MDB_BAD_VALSIZE:
            return IndexDamage(reason: "\(call): \(String(cString: mdb_strerror(code)))")
        default: return nil
        }
    }
}

/// The index cannot be opened or used at all (not an LMDB file, cut short, a link, a file
/// where its folder should be, owned by another user): a start moves it aside and rebuilds.
public struct IndexUnusable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "the shared index cannot be used: \(reason)" }
}
