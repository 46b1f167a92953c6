/// What one pass over a CSV file found, without keeping its rows (`CSVTable.survey`).
public struct CSVSurvey: Equatable, Sendable {
    public var header: [String]
    public var rowCount: Int
    /// The line where a quoted field opens and never closes (see `CSVTable.unclosedQuoteLine`).
    public var unclosedQuoteLine: Int?

    public init(header: [String], rowCount: Int, unclosedQuoteLine: Int?) {
        self.header = header
        self.rowCount = rowCount
        self.unclosedQuoteLine = unclosedQuoteLine
    }
}
