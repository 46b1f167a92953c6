/// The rules every new password meets (issue 27 §5): registration, 忘记密码, the change after
/// a temporary password, staff accounts and `sscard setup`. Checked on the plain text before
/// it is hashed; the dictionary check is a port (`PasswordDictionary`), cracklib in practice.
public struct PasswordRules: Sendable {
    public static let minimumLength = 8
    public static let maximumLength = 64

    /// What the password must not contain: the user name, the ID number, the phone number.
    public struct Owner: Sendable {
        public var username: String?
        public var documentNumber: String?
        public var phone: String?

        public init(username: String? = nil, documentNumber: String? = nil, phone: String? = nil) {
            self.username = username
            self.documentNumber = documentNumber
            self.phone = phone
        }
    }

    let dictionary: any PasswordDictionary

    public init(dictionary: any PasswordDictionary) {
        self.dictionary = dictionary
    }

    /// The first rule `password` breaks, in words that name it, or nil when it passes.
    public func problem(_ password: String, owner: Owner, field: String = "新密码") -> FieldProblem? {
        func refuse(_ message: String) -> FieldProblem { FieldProblem(field: field, message: message) }
        guard password.count >= Self.minimumLength else { return refuse("至少 \(Self.minimumLength) 位，现在是 \(password.count) 位") }
        guard password.count <= Self.maximumLength else { return refuse("不能超过 \(Self.maximumLength) 位") }
        guard !password.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            return refuse("不能包含空格或控制字符")
        }
        let kinds = [password.contains { $0.isASCII && $0.isLowercase }, password.contains { $0.isASCII && $0.isUppercase },
                     password.contains { $0.isASCII && $0.isNumber },
                     password.contains { !($0.isASCII && ($0.isLetter || $0.isNumber)) }].filter { $0 }.count
        guard kinds >= 3 else { return refuse("须包含小写字母、大写字母、数字、符号中的至少三类，现在只有 \(kinds) 类") }
        let lowered = password.lowercased()
        if let name = owner.username, name.count >= 3, lowered.contains(name.lowercased()) { return refuse("不能包含用户名") }
        if let number = owner.documentNumber, !number.isEmpty, lowered.contains(number.lowercased()) { return refuse("不能包含身份证号") }
        if let phone = owner.phone, !phone.isEmpty, password.contains(phone) { return refuse("不能包含手机号") }
        if let weakness = dictionary.weakness(of: password, username: owner.username) { return refuse(weakness) }
        return nil
    }
}

/// A dictionary of passwords that are easy to guess.
public protocol PasswordDictionary: Sendable {
    /// Why `password` is easy to guess, in Chinese, or nil when the dictionary finds nothing.
    func weakness(of password: String, username: String?) -> String?
}
