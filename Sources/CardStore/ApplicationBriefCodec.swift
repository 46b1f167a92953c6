import CardDomain

/// A brief as the index stores it: its nine fields as text, each ended by a NUL (none of
/// them can hold one: ids, numbers and the enums' names), an absent one empty. Anything
/// else decodes to nil, never to a crash.
enum ApplicationBriefCodec {
    static func encode(_ brief: ApplicationBrief) -> [UInt8] {
        let fields = [brief.id, brief.personNumber, brief.unitNumber ?? "", brief.kind.rawValue, brief.channel.rawValue,
                      brief.status.rawValue, brief.pickupMethod?.rawValue ?? "", brief.confirmedAt.map(String.init) ?? "",
                      brief.latestAt.map(String.init) ?? ""]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        for field in fields {
            bytes += field.utf8
            bytes.append(0)
        }
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> ApplicationBrief? {
        var fields: [String] = []
        fields.reserveCapacity(9)
        var start = 0
        for index in bytes.indices where bytes[index] == 0 {
            fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            start = index + 1
        }
        guard fields.count == 9, start == bytes.count, let kind = Application.Kind(rawValue: fields[3]),
              let channel = Channel(rawValue: fields[4]), let status = ApplicationStatus(rawValue: fields[5]) else { return nil }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        return ApplicationBrief(id: fields[0], personNumber: fields[1], unitNumber: optional(fields[2]), kind: kind, channel: channel,
                                status: status, pickupMethod: optional(fields[6]).flatMap(PickupMethod.init(rawValue:)),
                                confirmedAt: optional(fields[7]).flatMap { Int64($0) }, latestAt: optional(fields[8]).flatMap { Int64($0) })
    }
}
