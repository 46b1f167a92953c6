import CardStore
import FuzzSupport

/// The shared index's values over arbitrary bytes, opened as every read opens them: never
/// a crash, and what does not check is damage. The first byte picks the table, the next
/// one how much of the rest is the key. A value that checks is sealed again and every
/// single-bit change of it must then be caught.
@main enum IndexFuzzer: FuzzTarget {
    static func fuzz(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let tables = IndexValueCheck.Table.allCases
        let table = tables[Int(bytes[0]) % tables.count]
        let split = min(Int(bytes[1]), bytes.count - 2)
        let key = Array(bytes[2..<(2 + split)])
        let rest = Array(bytes[(2 + split)...])
        // As stored, checksum and all: almost always damage, never a crash.
        _ = IndexValueCheck.problem(in: table, key: key, stored: rest)
        // The same bytes as a value with a correct checksum: the codec alone decides.
        let sealed = IndexValueCheck.sealed(key: key, value: rest)
        let verdict = IndexValueCheck.problem(in: table, key: key, stored: sealed)
        guard verdict == nil, sealed.count <= 512 else { return }
        for index in sealed.indices {
            for bit in 0..<8 {
                var flipped = sealed
                flipped[index] ^= UInt8(1) << UInt8(bit)
                precondition(IndexValueCheck.problem(in: table, key: key, stored: flipped) != nil,
                             "a flipped bit at byte \(index) went unnoticed")
            }
        }
    }
}
