import Foundation
import Testing

/// `sscard setup`, `sscard accounts …` and `sscard units import` through the real binary
/// (issue 27): a deployment from an empty directory, with people the demo does not have.
@Suite struct AccountsCLITests {
    let root: String
    let data: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
        data = root + "/data"
    }

    func sscard(_ arguments: [String], input: String? = nil) throws -> SSCardProcess.Run {
        try SSCardProcess.run(arguments + ["--data-dir", data], input: input)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func setUp() throws {
        let setup = try sscard(["setup"], input: "boss\n系统管理员\nKq7#mZp2vL\nKq7#mZp2vL\n")
        #expect(setup.status == 0, "\(setup.error)")
    }

    @Test func anEmptyDirectorySaysWhatToRunAndSetupCreatesTheFirstAdministratorOnce() throws {
        let start = try sscard(["--plain"])
        #expect(start.status == 2)
        #expect(start.output.contains("sscard setup --data-dir \(data)") && start.output.contains("sscard units import"))
        #expect(start.output.split(separator: "\n").count <= 22)
        #expect(!FileManager.default.fileExists(atPath: data), "a start on an empty directory created it")
        let weak = try sscard(["setup"], input: "boss\n\nPassword1!\nPassword1!\n")
        #expect(weak.status == 2 && weak.error.contains("弱密码词典"))
        let differ = try sscard(["setup"], input: "boss\n\nKq7#mZp2vL\nKq7#mZp2vX\n")
        #expect(differ.status == 2 && differ.error.contains("两次输入的密码不一致"))
        let named = try sscard(["setup"], input: "1boss\n")
        #expect(named.status == 2 && named.error.contains("以字母开头"))
        #expect(!FileManager.default.fileExists(atPath: data + "/journal"))
        try setUp()
        #expect(try mode(data) == 0o700)
        let list = try sscard(["accounts", "list"])
        #expect(list.output.contains("boss\t管理员\t系统管理员\t\t正常"))
        let again = try sscard(["setup"], input: "boss2\n\nKq7#mZp2vL\nKq7#mZp2vL\n")
        #expect(again.status == 2 && again.error.contains("已经有日志"))
        // The password is nowhere but as its scrypt hash.
        let journal = try FileManager.default.contentsOfDirectory(atPath: data + "/journal")
            .map { try Data(contentsOf: URL(fileURLWithPath: data + "/journal/" + $0)) }
        #expect(!journal.contains { String(decoding: $0, as: UTF8.self).contains("Kq7#mZp2vL") })
    }

    @Test func accountsAreCreatedChangedAndRefusedFromTheShellAndEveryChangeIsRecorded() throws {
        try setUp()
        let units = root + "/units.csv"
        try """
        单位编号,单位名称,统一社会信用代码,所在区,单位地址
        20000001,北京星河软件有限公司,91110105MA01ABCD26,朝阳区,北京市朝阳区望京街道1号
        20000002,北京坏代码公司,91110105MA01ABCD21,海淀区,北京市海淀区学院路1号
        """.write(toFile: units, atomically: true, encoding: .utf8)
        let imported = try sscard(["units", "import", units, "--report", root + "/rejected.csv"])
        #expect(imported.status == 3 && imported.output.contains("recorded: 1") && imported.error.contains("第 3 行 统一社会信用代码"))
        #expect(try mode(root + "/rejected.csv") == 0o600)
        let secret = root + "/guitai09.txt"
        let add = try sscard(["accounts", "add", "--username", "guitai09", "--role", "clerk", "--name", "王芳",
                              "--workplace", "中国工商银行北京朝阳支行", "--password-to", secret])
        #expect(add.status == 0, "\(add.error)")
        #expect(try mode(secret) == 0o600)
        let line = try String(contentsOfFile: secret, encoding: .utf8)
        let password = try #require(line.firstMatch(of: /临时密码：([A-Za-z0-9-]+)/)?.1)
        #expect(!add.output.contains(password) && !add.error.contains(password) && line.contains("72 小时内有效"))
        let taken = try sscard(["accounts", "add", "--username", "GUITAI09", "--role", "operator", "--name", "赵敏",
                                "--unit", "20000009", "--password-to", root + "/taken.txt"])
        #expect(taken.status == 1 && taken.error.contains("已被使用") && taken.error.contains("不在单位名录中"))
        #expect(!FileManager.default.fileExists(atPath: root + "/taken.txt"), "a refused account left a password file")
        let operatorAdded = try sscard(["accounts", "add", "--username", "xh-op", "--role", "operator", "--name", "赵敏",
                                        "--unit", "20000001", "--password-to", root + "/op.txt"])
        #expect(operatorAdded.status == 0, "\(operatorAdded.error)")
        let list = try sscard(["accounts", "list", "--state", "须修改密码"])
        #expect(list.output.contains("guitai09\t窗口经办\t王芳\t中国工商银行北京朝阳支行\t须修改密码"))
        #expect(list.output.contains("xh-op\t单位经办人\t赵敏\t20000001 北京星河软件有限公司\t须修改密码"))
        let lastAdmin = try sscard(["accounts", "disable", "boss"])
        #expect(lastAdmin.status == 1 && lastAdmin.error.contains("最后一个可用的管理员"))
        #expect(try sscard(["accounts", "disable", "guitai09"]).status == 0)
        #expect(try sscard(["accounts", "list", "--state", "已停用"]).output.contains("guitai09"))
        #expect(try sscard(["accounts", "enable", "guitai09"]).status == 0)
        let role = try sscard(["accounts", "set-role", "guitai09", "--role", "clerk", "--workplace", "火星支行"])
        #expect(role.status == 1 && role.error.contains("不在网点名录中"))
        let unlock = try sscard(["accounts", "unlock", "guitai09"])
        #expect(unlock.status == 1 && unlock.error.contains("没有被锁定"))
        let noTerminal = try sscard(["accounts", "reset-password", "guitai09"])
        #expect(noTerminal.status == 2 && noTerminal.error.contains("--password-to"))
        let history = try sscard(["accounts", "history", "guitai09"])
        let kinds = history.output.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(kinds == ["创建账号（窗口经办，中国工商银行北京朝阳支行）", "停用", "启用"], "\(history.output)")
        #expect(history.output.contains("shell:"))
        // The export never holds a password hash, nested in an account change or not.
        let dump = try sscard(["journal", "dump"])
        #expect(dump.output.contains("accountChanged") && !dump.output.contains("$scrypt$"))
    }
}
