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
        let startLine = line
        var maker = FieldMaker()
        guard try scan(into: &maker) else { return nil }
        return CSVTable.Row(line: startLine, fields: maker.fields)
    }

    /// Steps over the next record without making its fields: whether it is blank, or nil at
    /// the end (and after an unclosed quote). It checks no UTF-8: see `isUTF8`.
    public mutating func skip() -> Bool? {
        var shape = ShapeNoter()
        return scan(into: &shape) ? shape.isBlank : nil
    }

    /// Reads one record's bytes into `sink`: true when there was a record, false at the end
    /// or when the bytes run out inside quotes (then `unclosedQuoteLine` is set).
    private mutating func scan<Sink: RecordSink>(into sink: inout Sink) throws(Sink.Failure) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard index < bytes.endIndex else { return false }
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
                        sink.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                        justClosedQuote = true
                    }
                } else {
                    if byte == lf { line += 1 }
                    sink.append(byte)
                }
                continue
            }
            switch byte {
            case quote where sink.fieldIsEmpty && !justClosedQuote:
                inQuotes = true
                quoteOpenedOn = line
            case comma:
                try sink.endField()
                justClosedQuote = false
            case cr where next == lf:
                continue
            case lf, cr:
                try sink.endField()
                line += 1
                return true
            default:
                sink.append(byte)
            }
        }
        if inQuotes {
            try sink.endUnclosed()
            unclosedQuoteLine = quoteOpenedOn
            return false
        }
        try sink.endField()
        return true
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

    /// What `scan` does with a record's bytes: makes its fields, or only notes their shape.
    private protocol RecordSink {
        associatedtype Failure: Error
        var fieldIsEmpty: Bool { get }
        mutating func append(_ byte: UInt8)
        mutating func endField() throws(Failure)
        /// The bytes ran out inside quotes, in the field so far.
        mutating func endUnclosed() throws(Failure)
    }

    /// Makes each field a String, checked as UTF-8 and stored without spare capacity.
    private struct FieldMaker: RecordSink {
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldIsEmpty: Bool { field.isEmpty }

        mutating func append(_ byte: UInt8) { field.append(byte) }

        mutating func endField() throws(NotText) {
            guard let text = String(validating: field, as: UTF8.self) else { throw NotText() }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        /// The field is still checked: a file with bad bytes there is refused, not reported short.
        mutating func endUnclosed() throws(NotText) {
            guard String(validating: field, as: UTF8.self) != nil else { throw NotText() }
        }
    }

    /// Counts the fields and notes whether any has content: a record is blank when it is
    /// one empty field.
    private struct ShapeNoter: RecordSink {
        var fieldIsEmpty = true
        var fields = 0
        var anyContent = false
        var isBlank: Bool { fields == 1 && !anyContent }

        mutating func append(_ byte: UInt8) {
            fieldIsEmpty = false
            anyContent = true
        }

        mutating func endField() {
            fields += 1
            fieldIsEmpty = true
        }

        mutating func endUnclosed() {}
    }
}
