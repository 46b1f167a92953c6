import CardDomain
import Crypto
import Foundation
import ImageDecoding
import Journal
import PostgresJournal
import SystemPackage

/// The blob store of D8: a chosen photo is checked by its bytes, then copied into the data
/// directory under its SHA-256 (`FileIO.writeAtomically`), so the journal refers only to
/// durable bytes and moving the original loses nothing.
///
/// With the journal on PostgreSQL, the bytes also go to its `photos` table before the
/// reference is returned, so before any record names them; the local copy is a cache, and a
/// site reads another site's photo from the table, checked against its SHA-256.
public struct PhotoStore: Sendable {
    public let root: FilePath
    let io: any FileIO
    let data: DataDirectory

    public init(data: DataDirectory, io: any FileIO = SystemFileIO()) {
        root = data.blobs
        self.io = io
        self.data = data
    }

    /// The bytes of `reference`: this site's copy, or the shared table's (then kept here).
    /// Bytes that do not match the reference's digest and length are never served.
    public func bytes(of reference: PhotoReference) throws -> [UInt8]? {
        func matches(_ bytes: [UInt8]) -> Bool {
            bytes.count == reference.byteCount && SHA256.hash(data: bytes).hexadecimal == reference.sha256
        }
        if let local = FileManager.default.contents(atPath: path(of: reference).string).map(Array.init), matches(local) { return local }
        guard let location = try data.postgresLocation() else { return nil }
        let journal = try PostgresJournal(location)
        defer { journal.close() }
        guard let shared = try journal.photo(sha256: reference.sha256) else { return nil }
        guard matches(shared) else { throw PhotoMismatch(sha256: reference.sha256) }
        try storeLocally(shared, as: reference)
        return shared
    }

    /// The shared table held bytes that are not the photo named.
    public struct PhotoMismatch: Error, CustomStringConvertible {
        public var sha256: String
        public var description: String { "the photo \(sha256.prefix(12))… on the server does not match its SHA-256; it was not used" }
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
        if let problem = Self.decodingProblem(bytes, header: header, requirement: requirement) {
            return .failure(PhotoRejection(problems: [problem]))
        }
        let digest = SHA256.hash(data: bytes).hexadecimal
        let reference = PhotoReference(sha256: digest, byteCount: bytes.count, format: header.format, size: header.size)
        try store(bytes, as: reference)
        return .success(reference)
    }

    /// Reads a file the user named, refusing what is not a regular file (a FIFO or a
    /// device, even behind a link, is never opened for reading) and anything larger than
    /// the limit allows (only the head of an oversized file is read, for the message).
    static func readCandidate(_ path: String, requirement: PhotoRequirement, io: any FileIO) -> Result<[UInt8], PhotoRejection> {
        let field = requirement.label
        func rejected(_ message: String) -> Result<[UInt8], PhotoRejection> {
            .failure(PhotoRejection(problems: [FieldProblem(field: field, message: message)]))
        }
        let trimmed = path.trimmingSpaces
        guard !trimmed.isEmpty else { return rejected("请选择照片文件或输入文件路径") }
        switch RegularFile.read(trimmed, limit: requirement.maximumBytes + 1) {
        case .failure(.missing):
            return rejected("找不到该文件，请检查路径（可按 Tab 回到列表选择）")
        case .failure(.notRegular):
            return rejected("该路径不是普通文件（可能是文件夹、设备或管道），请选择照片文件")
        case .failure(.unreadable(let code)):
            return rejected("无法读取该文件（错误 \(code)），请检查文件权限")
        case .success(let read) where read.size > requirement.maximumBytes:
            let check = requirement.check(fileSize: read.size, head: Array(read.bytes.prefix(ImageHeader.bytesNeeded)))
            return .failure(PhotoRejection(problems: check.problems))
        case .success(let read):
            return .success(read.bytes)
        }
    }

    /// The whole picture must decode (libjpeg-turbo, libpng), agree with its header, and
    /// be in colour where the requirement asks for it; else the problem, in words.
    static func decodingProblem(_ bytes: [UInt8], header: ImageHeader, requirement: PhotoRequirement) -> FieldProblem? {
        func problem(_ message: String) -> FieldProblem { FieldProblem(field: requirement.label, message: message) }
        switch ImageDecoder.decode(bytes, maximumPixels: requirement.maximumPixels ?? PhotoRequirement.defaultMaximumPixels) {
        case .failure(.tooManyPixels(let width, let height)):
            return problem("图片为 \(width)x\(height) 像素，过大，请缩小后再上传")
        case .failure(.notAnImage), .failure(.damaged):
            return problem("图片文件已损坏或不完整，无法完整读出，请重新导出或重新拍摄")
        case .success(let decoded):
            if decoded.width != header.width || decoded.height != header.height {
                return problem("图片文件已损坏或不完整，无法完整读出，请重新导出或重新拍摄")
            }
            if requirement.requiresColour == true, !decoded.isColour {
                return problem("须为彩色照片，这是一张黑白（灰度）图片")
            }
            return nil
        }
    }

    private func store(_ bytes: [UInt8], as reference: PhotoReference) throws {
        try storeLocally(bytes, as: reference)
        if let location = try data.postgresLocation() {
            let journal = try PostgresJournal(location)
            defer { journal.close() }
            try journal.storePhoto(bytes, sha256: reference.sha256)
        }
    }

    private func storeLocally(_ bytes: [UInt8], as reference: PhotoReference) throws {
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
