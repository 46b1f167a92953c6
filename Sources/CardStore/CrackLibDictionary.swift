import CCrackLib
import CardDomain
import Foundation
import Synchronization

/// cracklib's `FascistCheckUser` over the dictionary Debian's cracklib-runtime builds. Its
/// English reasons are said in Chinese. Without the dictionary every password is refused
/// with the fix, since accepting them unchecked would pass weak ones silently (and the old
/// library exits the process when the dictionary is missing, so it is looked for first).
public struct CrackLibDictionary: PasswordDictionary {
    /// cracklib keeps the open dictionary in static state: one check at a time.
    private static let lock = Mutex(())
    let path: String

    public init(path: String? = nil) {
        self.path = path ?? ProcessInfo.processInfo.environment["SSCARD_CRACKLIB_DICT"] ?? String(cString: GetDefaultCracklibDict())
    }

    public var isInstalled: Bool {
        [".pwd", ".pwi", ".hwm"].allSatisfy { FileManager.default.isReadableFile(atPath: path + $0) }
    }

    public func weakness(of password: String, username: String?) -> String? {
        guard isInstalled else {
            return "无法检查：弱密码词典 \(path).pwd 不存在，请管理员安装 cracklib-runtime（scripts/ensure-deps）"
        }
        let reason: String? = Self.lock.withLock { _ in
            FascistCheckUser(password, path, username ?? "", nil).map { String(cString: $0) }
        }
        return reason.map(Self.chinese)
    }

    /// cracklib's reasons (its messages are fixed English text), in the words of the screens.
    static func chinese(_ reason: String) -> String {
        let table: [(String, String)] = [
            ("dictionary word", "以常见单词为基础"),
            ("simplistic/systematic", "过于简单或有规律"),
            ("DIFFERENT characters", "不同的字符太少"),
            ("username", "以用户名为基础"),
            ("gecos", "以用户名为基础"),
            ("too short", "太短"),
            ("white space", "不能只有空格"),
            ("empty", "不能为空"),
        ]
        let said = table.first { reason.contains($0.0) }?.1 ?? "不够安全（\(reason)）"
        return said + "，在弱密码词典中容易被猜到，请换一个"
    }
}
