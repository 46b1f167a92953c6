import CardStore

/// A small but real read model for the open and snapshot workloads: counts records and
/// payload bytes per type, so its snapshot has something to restore.
struct CountingModel: Projection {
    static let snapshotName = "bench-counting-v1"

    var records: UInt64 = 0
    var payloadBytes: UInt64 = 0
    var perType: [UInt16: UInt64] = [:]

    init() {}

    init(snapshotState: [UInt8]) throws {
        guard snapshotState.count >= 16, (snapshotState.count - 16) % 10 == 0 else { throw DecodingFailure() }
        snapshotState.withUnsafeBytes { raw in
            records = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            payloadBytes = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            var offset = 16
            while offset < raw.count {
                let type = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
                perType[type] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 2, as: UInt64.self))
                offset += 10
            }
        }
    }

    func snapshotState() throws -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: records.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: payloadBytes.littleEndian) { bytes.append(contentsOf: $0) }
        for (type, count) in perType.sorted(by: { $0.key < $1.key }) {
            withUnsafeBytes(of: type.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    mutating func apply(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) {
        records += 1
        payloadBytes += UInt64(payload.count)
        perType[type, default: 0] += 1
    }

    struct DecodingFailure: Error {}
}
