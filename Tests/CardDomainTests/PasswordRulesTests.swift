@testable import CardDomain
import Testing

/// The password rules every new password meets, each named when broken (issue 27 §5).
/// The dictionary here is a list, so each rule is seen on its own; cracklib's own
/// dictionary is tested where it is wired in (CardStoreTests).
@Suite struct PasswordRulesTests {
    struct ListedWords: PasswordDictionary {
        func weakness(of password: String, username: String?) -> String? {
            password.lowercased().contains("password") ? "以常见单词为基础" : nil
        }
    }

    let rules = PasswordRules(dictionary: ListedWords())
    let owner = PasswordRules.Owner(username: "guitai09", documentNumber: "110105195609090137", phone: "13900030001")

    func problem(_ password: String) -> String? { rules.problem(password, owner: owner)?.message }

    @Test func eachRuleIsNamedWhenBroken() {
        #expect(problem("Kq7#mZp") == "至少 8 位，现在是 7 位")
        #expect(problem(String(repeating: "Kq7#", count: 17))?.contains("不能超过 64 位") == true)
        #expect(problem("kq7mzp2vl") == "须包含小写字母、大写字母、数字、符号中的至少三类，现在只有 2 类")
        #expect(problem("Kq7 mZp2vL")?.contains("空格") == true)
        #expect(problem("Xy#Guitai09") == "不能包含用户名")
        #expect(problem("X#110105195609090137") == "不能包含身份证号")
        #expect(problem("Tel#13900030001") == "不能包含手机号")
        #expect(problem("MyPassword#1") == "以常见单词为基础")
        #expect(problem("Kq7#mZp2vL") == nil)
        #expect(problem("kq7#mzp2vl") == nil)  // lower, digit, symbol: three kinds
        #expect(rules.problem("Kq7", owner: owner, field: "密码")?.field == "密码")
    }
}
