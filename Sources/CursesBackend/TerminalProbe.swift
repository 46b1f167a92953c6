#if canImport(Glibc)
import Glibc
#endif

/// Asks the terminal how wide it draws an ambiguous-width character, before curses starts:
/// print "▀" at the line's start, ask for the cursor position (ESC [ 6 n, as vim does),
/// and read the column back. A CJK terminal answers 3 (two columns), others 2.
public enum TerminalProbe {
    /// Columns the terminal gave "▀", or nil when it did not answer within the timeout
    /// (not a terminal, or one that does not report its cursor).
    public static func ambiguousWidth(timeoutMilliseconds: Int32 = 300) -> Int? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        defer {
            // Rub the probe out, then give the line back as it was.
            send("\r  \r")
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        }
        send("\r\u{2580}\u{1B}[6n")
        guard let column = readCursorColumn(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        return column - 1
    }

    private static func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Reads "ESC [ row ; column R", skipping anything typed before it, until the deadline.
    private static func readCursorColumn(timeoutMilliseconds: Int32) -> Int? {
        var reply: [UInt8] = []
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = Int64(deadline.tv_sec) * 1000 + Int64(deadline.tv_nsec) / 1_000_000 + Int64(timeoutMilliseconds)
        while reply.count < 64 {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = end - (Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000)
            guard left > 0 else { return nil }
            var request = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(left)) > 0 else { return nil }
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
            reply.append(byte)
            if byte == UInt8(ascii: "R") { return column(in: reply) }
        }
        return nil
    }

    /// The column of the last "ESC [ row ; column R" in `reply`.
    static func column(in reply: [UInt8]) -> Int? {
        guard let escape = reply.lastIndex(of: 0x1B) else { return nil }
        let text = String(decoding: reply[escape...], as: UTF8.self)
        guard text.hasPrefix("\u{1B}["), text.hasSuffix("R") else { return nil }
        let numbers = text.dropFirst(2).dropLast().split(separator: ";")
        guard numbers.count == 2, let column = Int(numbers[1]), column > 0 else { return nil }
        return column
    }
}
