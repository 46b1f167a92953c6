import Journal

/// Every value in the index ends with a CRC-32C of its key and its bytes, as the journal's
/// frames carry one: a flipped bit in either, or a key moved onto another's value, is
/// caught on the read that would serve it. Key-only entries (names, units) store the
/// checksum alone. Little-endian, masked as the journal's are, so zeros never check.
enum IndexChecksum {
    static let size = 4

    static func seal(key: [UInt8], value: [UInt8]) -> [UInt8] {
        let crc = CRC32C.mask(CRC32C.checksum(value, continuing: CRC32C.checksum(key)))
        var sealed = value
        sealed.reserveCapacity(value.count + size)
        withUnsafeBytes(of: crc.littleEndian) { sealed += $0 }
        return sealed
    }

    /// The value without its checksum, or nil when the checksum does not match.
    static func open(key: UnsafeRawBufferPointer, stored: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard stored.count >= size else { return nil }
        let value = UnsafeRawBufferPointer(rebasing: stored[..<(stored.count - size)])
        let expected = UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: value.count, as: UInt32.self))
        return CRC32C.unmask(expected) == CRC32C.checksum(value, continuing: CRC32C.checksum(key)) ? value : nil
    }
}
