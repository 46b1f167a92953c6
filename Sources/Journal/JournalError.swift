import SystemPackage

/// Every way the journal can fail, with the file and offset where that helps an operator.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    /// A read, write or sync failed in the operating system (ENOSPC, EIO, ...).
    case io(operation: String, path: String, errno: Errno)
    /// A bad record followed by valid ones, or a bad segment: never skipped, never repaired.
    case corruption(segment: String, offset: Int64, reason: String)
    /// An earlier write or sync failed; appends are refused until the journal is reopened.
    case poisoned(cause: String)
    /// A writer could not void records it had failed to make durable (see `RecoveryMarker`):
    /// the journal stays closed to everyone until an operator runs `sscard journal recover`.
    case needsRecovery(cause: String)
    case recordTooLarge(bytes: Int, limit: Int)
    case invalidRecordType
    case closed

    public var description: String {
        switch self {
        case let .io(operation, path, errno):
            return "journal \(operation) failed on \(path): \(errno) (errno \(errno.rawValue))"
        case let .corruption(segment, offset, reason):
            return "journal corrupted in segment \(segment) at offset \(offset): \(reason)"
        case let .poisoned(cause):
            return "journal refuses appends after an earlier failure (\(cause)); reopen it to recover"
        case let .needsRecovery(cause):
            return "journal needs recovery: records whose write or sync failed (\(cause)) could not be voided; "
                + "check the disk, then run `sscard journal recover`"
        case let .recordTooLarge(bytes, limit):
            return "record of \(bytes) bytes exceeds the limit of \(limit) bytes"
        case .invalidRecordType:
            return "record type 0 is reserved"
        case .closed:
            return "journal is closed"
        }
    }
}

/// Runs a file operation and turns an `Errno` into a `JournalError.io` naming the path.
@inline(__always)
func performing<T>(_ operation: String, on path: FilePath, _ body: () throws -> T) throws -> T {
    do {
        return try retryingInterrupts(body)
    } catch let errno as Errno {
        throw JournalError.io(operation: operation, path: path.string, errno: errno)
    }
}
