import CardDomain
import CardStore
import Foundation

/// One journal record as a line of JSON: {"seq":..,"type":..,"time":"..","payload":..}.
enum RecordJSON {
    /// Secrets are always left out; `masked` also masks ID and phone numbers (RecordRedaction).
    static func line(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer,
                     masked: Bool = true) -> String {
        var line = "{\"seq\":\(sequence),\"type\":\(type),\"time\":\"\(isoTime(microseconds: timestamp))\","
        if let text = RedactedJSON.rewrite(payload, masking: masked) {
            line += "\"payload\":\(jsonEscapingUnsafe(text))}"
        } else {
            line += "\"payload_base64\":\"\(Data(payload).base64EncodedString())\"}"
        }
        return line
    }

    /// A payload is copied as written, and JSON leaves C1 controls, bidi and other format
    /// characters raw; an auditor reads the dump on a terminal, so they become \u escapes
    /// (still JSON). Most payloads are plainly safe and come back unchanged at once.
    static func jsonEscapingUnsafe(_ json: String) -> String {
        guard !TerminalText.isPlainlySafe(json), json.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            guard TerminalText.isUnsafe(scalar) else { result.unicodeScalars.append(scalar); continue }
            for unit in String(scalar).utf16 { result += String(format: "\\u%04X", unit) }
        }
        return result
    }

    /// UTC, with microseconds: 2026-11-21T14:05:00.123456Z.
    static func isoTime(microseconds: Int64) -> String {
        let seconds = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        var whole = seconds.quotient
        var fraction = seconds.remainder
        if fraction < 0 {
            whole -= 1
            fraction += 1_000_000
        }
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        return "\((Int(parts.tm_year) + 1900).zeroPadded(4))-\((Int(parts.tm_mon) + 1).zeroPadded(2))-\(Int(parts.tm_mday).zeroPadded(2))"
            + "T\(Int(parts.tm_hour).zeroPadded(2)):\(Int(parts.tm_min).zeroPadded(2)):\(Int(parts.tm_sec).zeroPadded(2))"
            + ".\(Int(fraction).zeroPadded(6))Z"
    }
}
