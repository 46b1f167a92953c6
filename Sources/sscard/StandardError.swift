import Foundation

/// A TextOutputStream onto standard error, for `print(..., to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
