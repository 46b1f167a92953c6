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
        guard var (records, unclosed) = parseRecords(body) else { return nil }
        // A final line break leaves nothing; blank lines between rows are not records either.
        records.removeAll { $0.fields.count == 1 && $0.fields[0].isEmpty }
        guard !records.isEmpty else { return CSVTable(header: [], rows: [], unclosedQuoteLine: unclosed) }
        return CSVTable(header: records[0].fields, rows: Array(records.dropFirst()), unclosedQuoteLine: unclosed)
    }

    /// Splits on the bytes of the ASCII quote, comma, CR and LF: a UTF-8 sequence never
    /// contains an ASCII byte, so the cuts fall between characters. Each field is checked
    /// as UTF-8 on its own, which checks every byte that is not a delimiter, and is stored
    /// without spare capacity (a 1,000,000-row file is held whole while it is imported).
    /// Nil when a field is not UTF-8.
    private static func parseRecords(_ bytes: ArraySlice<UInt8>) -> (rows: [Row], unclosedQuoteLine: Int?)? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var quoteOpenedOn = 1
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var startLine = 1
        var inQuotes = false
        var justClosedQuote = false
        var index = bytes.startIndex
        func endField() -> Bool {
            guard let text = String(validating: field, as: UTF8.self) else { return false }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            return true
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            let next = index < bytes.endIndex ? bytes[index] : nil
            if inQuotes {
                if byte == quote {
                    if next == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                        justClosedQuote = true
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !justClosedQuote:
                inQuotes = true
                quoteOpenedOn = line
            case comma:
                guard endField() else { return nil }
                justClosedQuote = false
            case cr where next == lf:
                continue
            case lf, cr:
                guard endField() else { return nil }
                rows.append(Row(line: startLine, fields: fields))
                fields = []
                justClosedQuote = false
                line += 1
                startLine = line
            default:
                field.append(byte)
            }
        }
        if inQuotes { return String(validating: field, as: UTF8.self) == nil ? nil : (rows, quoteOpenedOn) }
        if !field.isEmpty || !fields.isEmpty {
            guard endField() else { return nil }
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
