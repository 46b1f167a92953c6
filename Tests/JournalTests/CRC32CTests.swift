import Journal
import Testing

@Suite struct CRC32CTests {
    // Check values from RFC 3720 (iSCSI) appendix B.4 and the CRC catalogue.
    @Test func standardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func rfc3720Vectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
    }

    @Test func continuingEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 7, 8, 9, 500, 999, 1000] {
            let first = CRC32C.checksum(Array(bytes[..<split]))
            #expect(CRC32C.checksum(Array(bytes[split...]), continuing: first) == CRC32C.checksum(bytes))
        }
    }

    /// The CPU's crc32 instruction and the tables agree on every length and alignment, so
    /// a journal written on one machine reads on any other.
    @Test func hardwareAndSoftwareAgree() {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<4099).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBytes { all in
            for start in [0, 1, 3, 8] {
                for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000, 4090] {
                    let slice = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
                    #expect(CRC32C.checksum(slice, continuing: 0x1234_5678) == CRC32C.software(slice, continuing: 0x1234_5678))
                    #expect(CRC32C.checksum(slice) == CRC32C.software(slice))
                }
            }
        }
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.software($0) } == 0xE306_9283)
    }

    @Test func maskRoundTripsAndDiffers() {
        for value: UInt32 in [0, 1, 0xFFFF_FFFF, 0xE306_9283, 0x8A91_36AA] {
            #expect(CRC32C.unmask(CRC32C.mask(value)) == value)
            #expect(CRC32C.mask(value) != value)
        }
    }

    @Test func allZeroHeaderNeverValidates() {
        // A zeroed region reads as a stored CRC of 0 over zero bytes: that must not match.
        let crcOfZeroHeader = CRC32C.checksum([UInt8](repeating: 0, count: 24))
        #expect(CRC32C.unmask(0) != crcOfZeroHeader)
    }
}
