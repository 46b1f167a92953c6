/// RFC 4180 CSV, as spreadsheets export it: quoted fields with "" for a quote, commas and
/// line breaks inside quotes, CRLF or LF line ends, an optional UTF-8 BOM. Each record
/// keeps the line it starts on, so problems can be reported by line as the file shows it.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the file where the record starts (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]
    /// The line where a quoted field opens and never closes: everything after it would be
    /// one field, so the file is refused rather than silently short.
    public var unclosedQuoteLine: Int?

    /// Parses `bytes`; nil when they are not UTF-8 text, as a whole (a quote may not split
    /// a character, even where taking the quote out would mend it) and field by field.
    public static func parse(_ bytes: [UInt8]) -> CSVTable? {
        guard CSVRecordScanner.isUTF8(bytes[...]) else { return nil }
        var scanner = CSVRecordScanner(bytes[...])
        var records: [Row] = []
        do {
            while let row = try scanner.nextNonBlank() { records.append(row) }
        } catch {
            return nil
        }
        guard let header = records.first else { return CSVTable(header: [], rows: [], unclosedQuoteLine: scanner.unclosedQuoteLine) }
        return CSVTable(header: header.fields, rows: Array(records.dropFirst()), unclosedQuoteLine: scanner.unclosedQuoteLine)
    }

    /// The header, how many rows follow it and where a quote is left open, from one pass
    /// that keeps no rows; nil when the bytes are not UTF-8 text. An import checks a whole
    /// file this way first, then reads its rows a batch at a time (`CSVRecordScanner`).
    public static func survey(_ bytes: [UInt8]) -> CSVSurvey? {
        guard CSVRecordScanner.isUTF8(bytes[...]) else { return nil }
        var scanner = CSVRecordScanner(bytes[...])
        var survey = CSVSurvey(header: [], rowCount: 0, unclosedQuoteLine: nil)
        do {
            if let header = try scanner.nextNonBlank() { survey.header = header.fields }
        } catch {
            return nil
        }
        while let blank = scanner.skip() { if !blank { survey.rowCount += 1 } }
        survey.unclosedQuoteLine = scanner.unclosedQuoteLine
        return survey
    }

    /// One field quoted for CSV output when it needs to be.
    /// A cell for a file people open in a spreadsheet: one that starts with =, +, - or @
    /// (or a tab or carriage return) gets a leading ' so it is shown as text, never run as
    /// a formula; then quoted as needed.
    public static func spreadsheetCell(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first) else { return quote(value) }
        return quote("'" + value)
    }

    public static func quote(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}
