import ArgumentParser
import Foundation
import CardDomain
import CardStore

/// A new password from the terminal (never from an argument): asked twice with the echo
/// off, checked against `PasswordRules` and asked again while a rule refuses it. From a
/// pipe it reads two lines, so scripts and tests can answer; then a refusal exits 2.
enum PasswordPrompt {
    static func newPassword(owner: PasswordRules.Owner, command: String) throws -> String {
        var standardError = StandardError()
        let rules = PasswordRules(dictionary: CrackLibDictionary())
        let interactive = isatty(STDIN_FILENO) == 1
        for _ in 0..<3 {
            print("新密码（至少 \(PasswordRules.minimumLength) 位，含大写字母、小写字母、数字、符号中的至少三类）：", terminator: " ", to: &standardError)
            guard let first = PlainInput.readLine(secret: true) else { throw endOfInput(command) }
            print("再次输入新密码：", terminator: " ", to: &standardError)
            guard let second = PlainInput.readLine(secret: true) else { throw endOfInput(command) }
            if first != second {
                print("sscard \(command): 两次输入的密码不一致", to: &standardError)
            } else if let problem = rules.problem(first, owner: owner) {
                print("sscard \(command): \(problem.field)\(problem.message)", to: &standardError)
            } else {
                return first
            }
            if !interactive { throw ExitCode(2) }
        }
        print("sscard \(command): 三次都没有设置成功，没有改动任何数据", to: &standardError)
        throw ExitCode(2)
    }

    /// A line typed at a prompt on standard error, trimmed; nil at the end of the input.
    static func answer(_ question: String) -> String? {
        var standardError = StandardError()
        print(question, terminator: " ", to: &standardError)
        return readLine().map(\.trimmingSpaces)
    }

    private static func endOfInput(_ command: String) -> ExitCode {
        var standardError = StandardError()
        print("\nsscard \(command): 输入已结束，没有改动任何数据", to: &standardError)
        return ExitCode(2)
    }
}
