import CardDomain
import CardStore
import Foundation

/// Where a temporary password goes: the terminal that asked (/dev/tty), never standard
/// output, a log or a pipe; or a new 0600 file. Opened before the change is recorded, so
/// no password is made that nobody can be given; abandoned (the empty file removed) when
/// the change is refused.
struct TemporaryPasswordDestination {
    struct Refusal: Error { let message: String }

    private let file: PrivateFile?
    private let terminal: FileHandle?

    init(file path: String?, force: Bool) throws {
        if let path {
            do {
                file = try PrivateFile.create(path, overwrite: force, what: "密码文件", howToOverwrite: "加 --force ")
            } catch let problem as PrivateFile.Problem {
                throw Refusal(message: problem.description)
            }
            terminal = nil
            return
        }
        guard let terminal = FileHandle(forWritingAtPath: "/dev/tty") else {
            throw Refusal(message: "没有终端可显示临时密码；请在终端中运行，或用 --password-to FILE 写入一个 0600 文件")
        }
        self.file = nil
        self.terminal = terminal
    }

    func deliver(_ line: String) throws {
        if let file {
            defer { file.close() }
            try file.write(line)
            print("临时密码已写入 \(TerminalText.escaped(file.path))（0600），交给使用人后请删除该文件")
        } else if let terminal {
            terminal.write(Data(line.utf8))
            try? terminal.close()
        }
    }

    func abandon() {
        if let file {
            file.close()
            unlink(file.path)
        }
        try? terminal?.close()
    }
}
