/// Masks identity and phone numbers for lists and logs (DECISIONS.md D12): whole numbers
/// appear only on the person's own detail screen.
public enum PrivacyMask {
    /// "110105198803120313" -> "110105********0313": the address code and the last four stay.
    public static func identityNumber(_ number: String) -> String {
        mask(number, keepingPrefix: identityKept.prefix, suffix: identityKept.suffix)
    }

    /// What each mask keeps of each end.
    public static let identityKept = (prefix: 6, suffix: 4)
    public static let phoneKept = (prefix: 3, suffix: 4)

    /// A user name as lists and logs show it: a person's account is named by their ID
    /// number, which is masked; staff and operator names (which start with a letter) are not.
    public static func userName(_ username: String) -> String {
        username.first?.isNumber == true ? identityNumber(username) : username
    }

    /// "13800010001" -> "138****0001".
    public static func phoneNumber(_ number: String) -> String {
        mask(number, keepingPrefix: phoneKept.prefix, suffix: phoneKept.suffix)
    }

    /// Keeps the ends and stars the middle. Something too short to keep both ends of is
    /// starred whole, so a malformed value never leaks through unmasked.
    static func mask(_ value: String, keepingPrefix prefix: Int, suffix: Int) -> String {
        let characters = Array(value)
        guard characters.count > prefix + suffix else {
            return String(repeating: "*", count: characters.count)
        }
        let hidden = characters.count - prefix - suffix
        return String(characters[..<prefix]) + String(repeating: "*", count: hidden) + String(characters[(characters.count - suffix)...])
    }
}
