import CardDomain

/// A person as the shared index stores it: compact bytes rather than JSON, since every
/// look-up decodes one and a page of names decodes fifty. Version 1:
///
///     u8 version, u8 flags (1 third-generation card, 2 deceased), u8 sex,
///     u32 birth date, u32 validity start (YYYYMMDD), then strings, each a u16 length
///     (0xFFFF for none) and UTF-8: name, document type, document number, 民族,
///     nationality, address, district, mobile, status, unit, pension bank, pension branch
///
/// Anything else decodes to nil (the index is derived: `index verify` names it and
/// `index rebuild` makes it again), never to a crash.
enum PersonRecordCodec {
    static let version: UInt8 = 1
    static let none: UInt16 = 0xFFFF

    static func encode(_ person: PersonRecord) -> [UInt8] {
        var bytes: [UInt8] = [version, (person.holdsThirdGenerationCard ? 1 : 0) | (person.deceased ? 2 : 0),
                              UInt8(person.sex.rawValue)]
        bytes.reserveCapacity(160)
        append(person.birthDate, to: &bytes)
        append(person.validityStart, to: &bytes)
        for text in [person.name, person.documentType, person.documentNumber, person.ethnicGroup, person.nationality,
                     person.residenceAddress, person.residenceDistrict, person.mobile, person.status.rawValue,
                     person.unitNumber, person.pensionBank, person.pensionBranch] {
            guard let text else {
                append(none, to: &bytes)
                continue
            }
            let utf8 = Array(text.utf8.prefix(Int(none) - 1))
            append(UInt16(utf8.count), to: &bytes)
            bytes += utf8
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> PersonRecord? {
        bytes.withUnsafeBytes { decode($0) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> PersonRecord? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version, let flags = reader.byte(), let sexCode = reader.byte(), let sex = Sex(rawValue: Int(sexCode)),
              let birth = reader.date(), let validity = reader.date() else { return nil }
        // Read in field order straight into the record: a page of names decodes fifty.
        guard case let name?? = reader.text(), case let type?? = reader.text(), case let number?? = reader.text(),
              let ethnicGroup = reader.text(), case let nationality?? = reader.text(), case let address?? = reader.text(),
              case let district?? = reader.text(), let mobile = reader.text(), case let statusText?? = reader.text(),
              let unit = reader.text(), let bank = reader.text(), let branch = reader.text(), reader.atEnd,
              let status = PersonRecord.Status(rawValue: statusText) else { return nil }
        return PersonRecord(name: name, documentType: type, documentNumber: number, sex: sex, birthDate: birth,
                            ethnicGroup: ethnicGroup, nationality: nationality, validityStart: validity,
                            residenceAddress: address, residenceDistrict: district, mobile: mobile, status: status,
                            unitNumber: unit, pensionBank: bank, pensionBranch: branch,
                            holdsThirdGenerationCard: flags & 1 != 0, deceased: flags & 2 != 0)
    }

    private static func append(_ date: CalendarDate, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(date.year * 10_000 + date.month * 100 + date.day).littleEndian) { bytes += $0 }
    }

    private static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Reads forward, answering nil past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        mutating func date() -> CalendarDate? {
            guard let value = integer(UInt32.self) else { return nil }
            return CalendarDate(year: Int(value / 10_000), month: Int(value / 100 % 100), day: Int(value % 100))
        }

        /// A string, or .some(nil) for the "none" length; nil when the bytes are cut short.
        mutating func text() -> String?? {
            guard let length = integer(UInt16.self) else { return nil }
            if length == PersonRecordCodec.none { return .some(nil) }
            guard offset + Int(length) <= bytes.count else { return nil }
            defer { offset += Int(length) }
            return .some(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(length))]), as: UTF8.self))
        }
    }
}
