@testable import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage
import TerminalUI
import Testing

/// A session on a fresh data directory with a few accounts (cheap scrypt, so tests stay
/// fast), a fixed clock and captchas numbered 1111, 2222, ... in order.
final class AppFixture {
    static let password = "Demo@2026"
    /// 2026-11-21 14:05 in Beijing.
    static let start: Int64 = 1_795_241_100_000_000
    let directory: String
    let repository: CardRepository
    /// The cheap scrypt hash of `password` every test account has.
    let hash: String
    private(set) var captchasDrawn = 0
    private(set) var codesIssued = 0

    /// The demo's people and accounts; on a PostgreSQL journal when `journalURL` names one.
    init(journalURL: String? = nil) throws {
        directory = NSTemporaryDirectory() + "sscard-app-\(UUID().uuidString)"
        repository = try CardRepository(data: DataDirectory(FilePath(directory), journalURL: journalURL),
                                        reference: CardResources.referenceData())
        let context = CommandContext(now: Self.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "seed", channel: .counter)
        let hash = try PasswordHash.make(password: Self.password, salt: Array(repeating: 7, count: 16),
                                         parameters: .init(logCost: 10, blockSize: 8, parallelism: 1)).description
        self.hash = hash
        let accounts = [
            AccountRecord(username: "guitai01", role: .counterClerk, displayName: "窗口经办 guitai01", passwordHash: hash),
            AccountRecord(username: "xinghe-admin", role: .unitOperator, displayName: "北京星河数码科技有限公司 经办人",
                          passwordHash: hash, unitNumber: "10000001"),
            AccountRecord(username: "shequ-admin", role: .unitOperator, displayName: "北京市朝阳区示范社区卫生服务中心 经办人",
                          passwordHash: hash, unitNumber: "10000002"),
            AccountRecord(username: "admin", role: .administrator, displayName: "管理员", passwordHash: hash),
            AccountRecord(username: "houtai01", role: .backOffice, displayName: "后台 houtai01", passwordHash: hash),
        ]
        let demo = try CardResources.demoData()
        var commands = demo.units.map { Command.recordUnit($0) } + demo.persons.map { Command.recordPerson($0) }
        commands += accounts.map { Command.recordAccount($0) }
        // Every demo person logs in by their own document number, as the demo seed makes them.
        commands += demo.persons.map { person in
            .recordAccount(AccountRecord(username: person.documentNumber, role: .person, displayName: person.name,
                                         passwordHash: hash, personNumber: person.documentNumber))
        }
        for outcome in try repository.executeBatch(commands, by: .system("test"), context: context) { _ = try outcome.get() }
        photos = directory + "-photos"
        try TestPhotos.write(to: photos)
    }

    /// Another retiree like 孙建国, with an account by ID number, for lists of more than two.
    func addRetiree(name: String, number: String, birth: CalendarDate, mobile: String) throws {
        var person = try #require(repository.state.person("110105195609090137"))
        person.name = name
        person.documentNumber = number
        person.birthDate = birth
        person.mobile = mobile
        let context = CommandContext(now: Self.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "seed", channel: .counter)
        try repository.execute(.recordPerson(person), by: .system("test"), context: context)
        try repository.execute(.recordAccount(AccountRecord(username: number, role: .person, displayName: name, passwordHash: hash,
                                                            personNumber: number)), by: .system("test"), context: context)
    }

    /// `count` (even) generated employees of `unit`, for lists longer than a page: every
    /// third generated person is retired.
    func addEmployees(_ count: Int, unit: String) throws {
        let context = CommandContext(now: Self.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "seed", channel: .counter)
        _ = try DemoSeeder(repository: repository, context: context).seedGenerated(count: count * 3 / 2, units: [unit])
    }

    /// A folder with a right card photo, ID card sides, and wrong files (TestPhotos).
    let photos: String

    deinit {
        repository.close()
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.removeItem(atPath: photos)
    }

    /// A model on the fixture's repository, or on `another` (as another process would be).
    func model(channel: Channel = .web, kiosk: Bool = false, elder: Bool = false, terminal: String = "T01",
               scanCode: ScanCodeDrawing = .halfBlocks, on another: CardRepository? = nil) throws -> AppModel {
        let options = AppOptions(channel: channel, kiosk: kiosk, elder: elder, photoDirectory: photos, scanCode: scanCode)
        let environment = try AppEnvironment(repository: another ?? repository, policy: TerminalPolicy.load(), options: options,
                                             terminal: terminal, captchaSource: { [unowned self] in
                                                 self.captchasDrawn += 1
                                                 return Captcha(code: String(repeating: String(self.captchasDrawn % 10), count: 4))
                                             })
        // Login codes are fixed for snapshots, and unique across the fixture's models.
        var fixed = environment
        fixed.loginCodeSource = { [unowned self] in
            self.codesIssued += 1
            return self.codesIssued == 1 ? "ACDEFHJK" : "KMNP" + self.codesIssued.zeroPadded(4)
        }
        fixed.smsCodeSource = { "135790" }
        return AppModel(environment: fixed, now: Self.start)
    }
}

extension AppModel {
    mutating func type(_ keys: [Key], at now: Int64 = AppFixture.start) {
        for key in keys { _ = handle(key, now: now) }
    }

    mutating func type(_ text: String, at now: Int64 = AppFixture.start) {
        type(Key.typing(text), at: now)
    }

    /// The screen as text; a test fails if any text on it was cut.
    mutating func screen(at now: Int64 = AppFixture.start, width: Int = 80, height: Int = 24,
                         sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let canvas = render(width: width, height: height, now: now)
        #expect(canvas.clipped.isEmpty, "text cut at the edge: \(canvas.clipped)", sourceLocation: sourceLocation)
        return canvas.grid.text
    }

    /// Runs the accessible mode over `lines` as typed answers; what it wrote, its exit
    /// code, and the console (with the model as it ended).
    func runPlain(_ lines: [String]) -> (text: String, code: Int32, console: PlainConsole) {
        var lines = lines
        var output: [String] = []
        var console = PlainConsole(model: self, readLine: { _ in lines.isEmpty ? nil : lines.removeFirst() },
                                   write: { output.append($0) }, now: { AppFixture.start })
        let code = console.run()
        return (output.joined(separator: "\n"), code, console)
    }

    var accountLogin: AccountLoginScreen? {
        if case .accountLogin(let screen) = page { return screen }
        return nil
    }

    var isHome: Bool {
        if case .home = page { return true }
        return false
    }
}

extension AppModel {
    /// Logs in by account on this channel's login screen, the way a user would reach it:
    /// 个人登录 > 账号登录 on the web, 改用账号登录 where the channel's methods need a platform.
    mutating func logIn(_ login: String) {
        switch environment.options.channel {
        // A kiosk or the elder layout already opens on 个人登录.
        case .web: type(currentForm.value("group") == "person" ? [.tab, .down, .enter] : [.down, .tab, .down, .enter])
        case .jingtong: type([.character(" "), .tab, .enter, .enter])
        case .minsheng: type([.enter, .enter])
        case .counter: type([.enter])
        }
        type(login)
        type([.tab])
        type(AppFixture.password)
        type([.enter])
        if case .realName = page { passRealName() }
    }

    /// 实名认证 at a first login on 民生一卡通, as the person does it: 姓名 and 身份证号 from
    /// the records, then the face check approved through the identity port.
    mutating func passRealName() {
        guard case .realName(let screen) = page, let number = screen.pending.personNumber,
              let person = environment.repository.state.person(number) else { return }
        focus("name")
        type(person.name)
        focus("idNumber")
        type(person.documentNumber)
        focus("next")
        type([.enter])
        guard case .realName(let face) = page, let code = face.face?.code else { return }
        _ = try? environment.repository.execute(.decideLoginCode(code: code, identity: number, reason: nil),
                                                by: .system("platform"), context: CodeLoginTests.context())
        _ = tick(now: AppFixture.start)
    }

    /// Logs in as a unit operator on the web: 法人登录 > 口令登录.
    mutating func logInAsOperator(_ username: String) {
        // The elder layout opens on 个人登录: 法人登录 is the tab above it.
        type(currentForm.value("group") == "person" ? [.up, .tab, .down, .enter] : [.tab, .down, .enter])
        type(username)
        type([.tab])
        type(AppFixture.password)
        type([.enter])
    }

    /// Chooses the home menu item with this id.
    mutating func choose(_ item: String) {
        guard case .home(let home) = page, let index = home.items.firstIndex(where: { $0.id == item }) else { return }
        type(Array(repeating: Key.down, count: index) + [.enter])
    }

    var wizard: WizardStepScreen? {
        if case .wizard(let screen) = page { return screen }
        return nil
    }
}

extension AppModel {
    /// In the open file picker: types the file's name after the folder in the path field.
    mutating func pickPhoto(_ name: String) {
        type([.tab])
        type(name)
        type([.enter])
    }

    /// Walks a retiree's whole application on this channel with the test photos, ticking
    /// each consent and accepting the prefilled values. Stops when a dialog opens: the
    /// 二次确认, a refusal, or the restored-draft notice.
    mutating func walkApplication(postalCode: String = "100021") {
        var pages = 0
        while wizard != nil, overlay == nil, pages < 40 {
            pages += 1
            walkPage(postalCode: postalCode)
        }
    }

    /// At the counter's home: 查询人员并代办, the whole number, and the person found opened.
    mutating func openPerson(_ number: String) {
        choose("lookUp")
        type(number)
        type([.enter, .enter])
    }

    /// On a retiree's 人员信息: 代办申领, the disclaimer accepted, and the whole application
    /// walked to its 二次确认 (or another dialog).
    mutating func walkApplicationOnBehalf() {
        focus("apply")
        type([.enter])
        type([.character(" "), .enter])
        walkApplication()
    }

    /// Logs in as `login`, applies through this channel with the test photos, and confirms
    /// the 二次确认: the application is submitted and the success screen shows.
    mutating func applyAndSubmit(as login: String) {
        logIn(login)
        choose("apply")
        type([.character(" "), .enter])
        walkApplication()
        type([.enter])
    }

    /// Fills what the current page still lacks (photos, consents, the postal code) and
    /// presses its button once.
    mutating func walkPage(postalCode: String = "100021") {
        guard let screen = wizard else { return }
        for field in screen.form.fields where field.isFocusable {
            switch field.id {
            case "cardPhoto", "idCardFront", "idCardBack":
                guard screen.flow.form[keyPath: Self.photoPath(field.id)] == nil else { continue }
                focus(field.id)
                type([.enter])
                pickPhoto(field.id == "cardPhoto" ? TestPhotos.cardPhoto : field.id == "idCardFront" ? TestPhotos.idFront : TestPhotos.idBack)
            case "accessAuthorisation", "finalConsent":
                if currentForm.value(field.id) != "true" { focus(field.id); type([.character(" ")]) }
            case "postalCode":
                if currentForm.value("postalCode").isEmpty { focus("postalCode"); type(postalCode) }
            case "occupation":
                // An employee's 职业 has no default: take the list's first entry.
                if currentForm.value("occupation").isEmpty { focus("occupation"); type([.enter, .enter]) }
            default:
                continue
            }
        }
        focus("next")
        type([.enter])
    }

    static func photoPath(_ id: String) -> KeyPath<ApplicationForm, PhotoReference?> {
        switch id {
        case "cardPhoto": return \.cardPhoto
        case "idCardFront": return \.idCardFront
        default: return \.idCardBack
        }
    }

    mutating func focus(_ id: String) {
        updateForm { $0.focus(on: id) }
    }
}
