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
