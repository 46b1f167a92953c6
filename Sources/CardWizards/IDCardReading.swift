import CardDomain

/// What the reader read from the card.
public struct IDCardReading: Equatable, Sendable {
    public var name: String
    public var ethnicGroup: String?
    public var validityStart: CalendarDate
    /// "长期" or the end date.
    public var validityEnd: String

    public init(name: String, ethnicGroup: String?, validityStart: CalendarDate, validityEnd: String) {
        self.name = name
        self.ethnicGroup = ethnicGroup
        self.validityStart = validityStart
        self.validityEnd = validityEnd
    }
}
