import Foundation

/// Reads a line for the accessible mode; a password is read with the terminal's echo off
/// (a termios flag, not an escape sequence), and back on afterwards.
enum PlainInput {
    static func readLine(secret: Bool) -> String? {
        guard secret, isatty(STDIN_FILENO) == 1 else { return Swift.readLine() }
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            print("")
        }
        return Swift.readLine()
    }
}
