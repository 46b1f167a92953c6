/// A cheap test before decoding an event record: an envelope names its kind in quotes
/// (`"kind":"personRecorded"`), and the encoder never escapes those letters, nor the
/// digits of a document number. A false positive only costs a decode; the decoded event
/// is what counts.
struct EventKindFilter: Sendable {
    let text: String
    let marker: [UInt8]

    /// Records that hold `text` as a whole JSON string: a kind, or a document number.
    init(quoted text: String) {
        self.text = text
        marker = Array("\"\(text)\"".utf8)
    }

    static let personRecorded = EventKindFilter(quoted: "personRecorded")
    static let personViewed = EventKindFilter(quoted: "personViewed")
    /// The kinds the shared index holds: persons, and what `ApplicationBook.apply` takes.
    static let sharedIndexKinds = ["personRecorded", "draftSaved", "applicationSubmitted", "statusChanged",
                                   "applicationResubmitted", "employeeConfirmed"].map(EventKindFilter.init(quoted:))

    /// Whether the record may be an event of a kind the shared index holds: its markers only.
    static func mayBeSharedIndexKind(_ payload: UnsafeRawBufferPointer) -> Bool {
        sharedIndexKinds.contains { $0.mayMatch(payload) }
    }

    /// Whether the record is an event of a kind the shared index holds, by its kind alone.
    static func isSharedIndexKind(_ payload: UnsafeRawBufferPointer) -> Bool {
        guard mayBeSharedIndexKind(payload), let kind = try? EventCodec.kind(payload) else { return false }
        return sharedIndexKinds.contains { $0.text == kind }
    }

    /// (A plain loop: the standard library's `firstRange(of:)` made a rebuild twice as slow.)
    func mayMatch(_ payload: UnsafeRawBufferPointer) -> Bool {
        guard payload.count >= marker.count else { return false }
        var start = 0
        while start <= payload.count - marker.count {
            if payload[start] == marker[0], payload[start..<(start + marker.count)].elementsEqual(marker) { return true }
            start += 1
        }
        return false
    }

    /// Whether the record is an event of this kind: the marker first, then the envelope's
    /// kind alone (`EventCodec.kind`), which is cheaper than decoding the whole event.
    func kindMatches(_ payload: UnsafeRawBufferPointer) -> Bool {
        mayMatch(payload) && (try? EventCodec.kind(payload)) == text
    }
}
