import CardDomain
import CardWizards

/// The ID-card reader port of D9: 民生一卡通's 身份识别 echoes what the reader reads from
/// the card (姓名, 民族, 证件有效期限) for the applicant to check. A deployment plugs a
/// real reader in through AppEnvironment; the built-in one reads the person's records.
public protocol IDCardReader: Sendable {
    func read(for person: PersonRecord) throws -> IDCardReading
}

/// The built-in reader: no device, so the records stand in for the card.
public struct RecordsIDCardReader: IDCardReader {
    public init() {}

    public func read(for person: PersonRecord) throws -> IDCardReading {
        IDCardReading(name: person.name, ethnicGroup: person.ethnicGroup, validityStart: person.validityStart,
                      validityEnd: person.validity.label)
    }
}
