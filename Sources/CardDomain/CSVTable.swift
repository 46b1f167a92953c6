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

    /// Parses `bytes`; nil when they are not UTF-8 text.
    public static func parse(_ bytes: [UInt8]) -> CSVTable? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var (records, unclosed) = parseRecords(text)
        // A final line break leaves nothing; blank lines between rows are not records either.
        records.removeAll { $0.fields.count == 1 && $0.fields[0].isEmpty }
        guard !records.isEmpty else { return CSVTable(header: [], rows: [], unclosedQuoteLine: unclosed) }
        return CSVTable(header: records[0].fields, rows: Array(records.dropFirst()), unclosedQuoteLine: unclosed)
    }

    private static func parseRecords(_ text: String) -> ([Row], unclosedQuoteLine: Int?) {
        var quoteOpenedOn = 1
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var startLine = 1
        var inQuotes = false
        var justClosedQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                        justClosedQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !justClosedQuote:
                inQuotes = true
                quoteOpenedOn = line
            case ",":
                fields.append(field)
                field = ""
                justClosedQuote = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                fields.append(field)
                rows.append(Row(line: startLine, fields: fields))
                fields = []
                field = ""
                justClosedQuote = false
                line += 1
                startLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { return (rows, quoteOpenedOn) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: startLine, fields: fields))
        }
        return (rows, nil)
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
