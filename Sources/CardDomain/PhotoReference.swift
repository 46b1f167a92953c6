/// An accepted photo, by the SHA-256 of its bytes in the data directory's blob store
/// (DECISIONS.md D8): the journal refers to it only after the blob is written and synced.
public struct PhotoReference: Codable, Equatable, Hashable, Sendable {
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var byteCount: Int
    public var format: ImageHeader.Format
    public var size: PixelSize

    public init(sha256: String, byteCount: Int, format: ImageHeader.Format, size: PixelSize) {
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.size = size
    }
}
