/// Reads CSV records one at a time (see `CSVTable` for the dialect), so that a file of a
/// million rows can be checked, counted and imported without holding every row at once.
///
/// It splits on the bytes of the ASCII quote, comma, CR and LF: a UTF-8 sequence never
/// contains an ASCII byte, so the cuts fall between characters. Each field is checked as
/// UTF-8 on its own, which checks every byte that is not a delimiter, and is stored without
/// spare capacity.
public struct CSVRecordScanner {
    /// A field is not UTF-8.
    public struct NotText: Error {}

    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private var line = 1
    /// The line where a quoted field opens and never closes, once the end is reached.
    public private(set) var unclosedQuoteLine: Int?

    /// Reads `bytes`, after a UTF-8 byte order mark if there is one.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
        index = self.bytes.startIndex
    }

    /// The next record, or nil at the end (and after an unclosed quote, whose field would
    /// run to the end: see `unclosedQuoteLine`).
    public mutating func next() throws(NotText) -> CSVTable.Row? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard index < bytes.endIndex else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        let startLine = line
        var quoteOpenedOn = line
        var inQuotes = false
        var justClosedQuote = false
        func endField() throws(NotText) {
            guard let text = String(validating: field, as: UTF8.self) else { throw NotText() }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
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
                try endField()
                justClosedQuote = false
            case cr where next == lf:
                continue
            case lf, cr:
                try endField()
                line += 1
                return CSVTable.Row(line: startLine, fields: fields)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            guard String(validating: field, as: UTF8.self) != nil else { throw NotText() }
            unclosedQuoteLine = quoteOpenedOn
            return nil
        }
        try endField()
        return CSVTable.Row(line: startLine, fields: fields)
    }

    /// Steps over the next record without making its fields: whether it is blank, or nil at
    /// the end (and after an unclosed quote). It checks no UTF-8: see `isUTF8`.
    public mutating func skip() -> Bool? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard index < bytes.endIndex else { return nil }
        var fields = 1
        var fieldIsEmpty = true
        var quoteOpenedOn = line
        var inQuotes = false
        var justClosedQuote = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            let next = index < bytes.endIndex ? bytes[index] : nil
            if inQuotes {
                if byte == quote {
                    if next == quote {
                        fieldIsEmpty = false
                        index += 1
                    } else {
                        inQuotes = false
                        justClosedQuote = true
                    }
                } else {
                    if byte == lf { line += 1 }
                    fieldIsEmpty = false
                }
                continue
            }
            switch byte {
            case quote where fieldIsEmpty && !justClosedQuote:
                inQuotes = true
                quoteOpenedOn = line
            case comma:
                fields += 1
                fieldIsEmpty = true
                justClosedQuote = false
            case cr where next == lf:
                continue
            case lf, cr:
                line += 1
                return fields == 1 && fieldIsEmpty
            default:
                fieldIsEmpty = false
            }
        }
        if inQuotes {
            unclosedQuoteLine = quoteOpenedOn
            return nil
        }
        return fields == 1 && fieldIsEmpty
    }

    /// Whether `bytes` are UTF-8 text, checked a piece at a time (each ending before an ASCII
    /// byte, which is never inside a character) so that no copy of a large file is made. The
    /// delimiters are ASCII, so then every field is UTF-8 too. (The converse fails: a quote
    /// inside a character splits it, and unquoting would mend it. Such a file is refused.)
    public static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = min(bytes.endIndex, start + (1 << 20))
            while end < bytes.endIndex, bytes[end] >= 0x80 { end += 1 }
            guard String(validating: bytes[start..<end], as: UTF8.self) != nil else { return false }
            start = end
        }
        return true
    }

    /// The next record that is not blank (a final line break leaves nothing, and blank lines
    /// between rows are not records either).
    public mutating func nextNonBlank() throws(NotText) -> CSVTable.Row? {
        while let row = try next() {
            if !(row.fields.count == 1 && row.fields[0].isEmpty) { return row }
        }
        return nil
    }
}
