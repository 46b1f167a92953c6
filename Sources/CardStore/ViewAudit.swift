import CardDomain
import Journal

/// Who viewed a person, read back from the journal for an audit. No process holds the
/// views: they are most of a district's events and no decision reads them. A record is
/// decoded only when its bytes name both the kind and the person, so a scan costs little
/// more than reading the journal.
public struct ViewAudit {
    let data: DataDirectory
    let io: any FileIO

    public init(data: DataDirectory, io: any FileIO = SystemFileIO()) {
        self.data = data
        self.io = io
    }

    /// Every recorded view of `personNumber`, oldest first.
    public func views(of personNumber: String) throws -> [PersonView] {
        let reader = try data.reader(io: io)
        var views: [PersonView] = []
        let ofThisPerson = EventKindFilter(quoted: personNumber)
        try reader.forEach(stopAfterBatch: nil) { sequence, type, _, payload in
            guard type == EventCodec.eventRecordType, EventKindFilter.personViewed.mayMatch(payload),
                  ofThisPerson.mayMatch(payload) else { return }
            if let view = PersonView(try CardProjection.envelope(sequence: sequence, payload: payload), of: personNumber) {
                views.append(view)
            }
        }
        return views
    }
}
