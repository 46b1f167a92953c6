/// Cheap tests before decoding an event record: its kind, as `EnvelopeKindScanner` reads
/// it, and markers for a text it must hold in quotes (a document number: the encoder
/// never escapes its digits). A false positive only costs a decode; the decoded event is
/// what counts.
struct EventKindFilter: Sendable {
    let text: String
    let marker: [UInt8]

    /// Records that hold `text` as a whole JSON string: a kind, or a document number.
    init(quoted text: String) {
        self.text = text
        marker = Array("\"\(text)\"".utf8)
    }

    static let personViewed = EventKindFilter(quoted: "personViewed")
    /// The kinds the shared index holds: persons, and what `ApplicationBook.apply` takes.
    static let sharedIndexKinds: Set<String> = ["personRecorded", "draftSaved", "applicationSubmitted", "statusChanged",
                                                "applicationResubmitted", "employeeConfirmed"]

    /// The kinds an index catch-up decodes: for its tables, or for the history table.
    private static let indexedKinds = sharedIndexKinds.union(HistoryKey.eventKinds)
    private static let indexedMarkers = indexedKinds.map(EventKindFilter.init(quoted:))
    private static let historyMarkers = HistoryKey.eventKinds.map(EventKindFilter.init(quoted:))

    /// Whether the index's catch-up decodes the record (`indexedKinds`).
    static func mayBeIndexedKind(_ payload: UnsafeRawBufferPointer) -> Bool {
        mayBe(payload, oneOf: indexedKinds, markers: indexedMarkers)
    }

    /// Whether the record may be an event a history shows (`HistoryKey.eventKinds`).
    static func mayBeHistoryKind(_ payload: UnsafeRawBufferPointer) -> Bool {
        mayBe(payload, oneOf: HistoryKey.eventKinds, markers: historyMarkers)
    }

    /// Its kind as the scanner reads it is one of `kinds`, or, for a record the scanner
    /// cannot read, it holds one of the kinds' markers.
    private static func mayBe(_ payload: UnsafeRawBufferPointer, oneOf kinds: Set<String>, markers: [EventKindFilter]) -> Bool {
        guard let kind = EnvelopeKindScanner.kind(payload) else { return markers.contains { $0.mayMatch(payload) } }
        return kinds.contains(kind)
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
}
