import CardDomain
import Crypto
import Foundation
import Journal
import SystemPackage

/// The blob store of D8: a chosen photo is checked by its bytes, then copied into the data
/// directory under its SHA-256 (`FileIO.writeAtomically`), so the journal refers only to
/// durable bytes and moving the original loses nothing.
public struct PhotoStore: Sendable {
    public let root: FilePath
    let io: any FileIO

    public init(data: DataDirectory, io: any FileIO = SystemFileIO()) {
        root = data.blobs
        self.io = io
    }

    /// Where the blob of `reference` lives.
    public func path(of reference: PhotoReference) -> FilePath {
        root.appending(String(reference.sha256.prefix(2))).appending(reference.sha256)
    }

    /// Checks the file at `path` against `requirement` and, when it passes, stores it.
    /// Returns the reference, or every problem (in Chinese, naming the actual values).
    /// Throws only when the store itself cannot be written (disk full, failed sync).
    public func accept(path: String, requirement: PhotoRequirement) throws -> Result<PhotoReference, PhotoRejection> {
        let bytes: [UInt8]
        switch Self.readCandidate(path, requirement: requirement, io: io) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let read): bytes = read
        }
        let check = requirement.check(fileSize: bytes.count, head: Array(bytes.prefix(ImageHeader.bytesNeeded)))
        guard check.isAccepted, let header = check.header else { return .failure(PhotoRejection(problems: check.problems)) }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let reference = PhotoReference(sha256: digest, byteCount: bytes.count, format: header.format, size: header.size)
        try store(bytes, as: reference)
        return .success(reference)
    }

    /// Reads a file the user named, refusing what is not a regular file and anything larger
    /// than the limit allows (only the head of an oversized file is read, for the message).
    static func readCandidate(_ path: String, requirement: PhotoRequirement, io: any FileIO) -> Result<[UInt8], PhotoRejection> {
        let field = requirement.label
        func rejected(_ message: String) -> Result<[UInt8], PhotoRejection> {
            .failure(PhotoRejection(problems: [FieldProblem(field: field, message: message)]))
        }
        let trimmed = path.trimmingSpaces
        guard !trimmed.isEmpty else { return rejected("请选择照片文件或输入文件路径") }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: trimmed) else {
            return rejected("找不到该文件，请检查路径（可按 Tab 回到列表选择）")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return rejected("该路径不是文件，请选择照片文件") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        do {
            let file = try io.openFile(FilePath(trimmed), create: false, writable: false)
            defer { io.close(file) }
            if size > requirement.maximumBytes {
                let head = try io.readBytes(file, count: ImageHeader.bytesNeeded, at: 0)
                let check = requirement.check(fileSize: size, head: head)
                return .failure(PhotoRejection(problems: check.problems))
            }
            return .success(try io.readBytes(file, count: requirement.maximumBytes + 1, at: 0))
        } catch {
            return rejected("无法读取该文件（\(error)），请检查文件权限")
        }
    }

    private func store(_ bytes: [UInt8], as reference: PhotoReference) throws {
        let folder = root.appending(String(reference.sha256.prefix(2)))
        let final = path(of: reference)
        if io.exists(final) { return }
        for directory in [root, folder] where !io.exists(directory) {
            try io.makeDirectory(directory)
            try io.syncDirectory(directory.removingLastComponent())
        }
        try io.writeAtomically(bytes, to: final)
    }
}

/// Why a chosen photo was not accepted: every problem, each naming the actual value.
public struct PhotoRejection: Error, Equatable, Sendable {
    public var problems: [FieldProblem]
    public var message: String { problems.map(\.message).joined(separator: "；") }
}
