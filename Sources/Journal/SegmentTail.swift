import SystemPackage

/// The segment a writer appends to: its file, its reserved size, and a cursor standing
/// at the first byte after the last record.
struct SegmentTail {
    var cursor: SegmentCursor
    let capacity: Int64

    var file: FileDescriptor { cursor.file }
    var offset: Int64 { cursor.offset }

    /// Room left for records, keeping space for the seal frame that closes the segment.
    func fits(_ bytes: Int) -> Bool {
        cursor.offset + Int64(bytes + RecordFrame.headerSize) <= capacity
    }
}
