import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage
import TerminalUI

/// A session on a fresh data directory with a few accounts (cheap scrypt, so tests stay
/// fast), a fixed clock and captchas numbered 1111, 2222, ... in order.
final class AppFixture {
    static let password = "Demo@2026"
    /// 2026-11-21 14:05 in Beijing.
    static let start: Int64 = 1_795_241_100_000_000
    let directory: String
    let repository: CardRepository
    private(set) var captchasDrawn = 0

    init() throws {
        directory = NSTemporaryDirectory() + "sscard-app-\(UUID().uuidString)"
        repository = try CardRepository(data: DataDirectory(FilePath(directory)), reference: CardResources.referenceData())
        let context = CommandContext(now: Self.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "seed", channel: .counter)
        let hash = try PasswordHash.make(password: Self.password, salt: Array(repeating: 7, count: 16),
                                         parameters: .init(logCost: 10, blockSize: 8, parallelism: 1)).description
        let accounts = [
            AccountRecord(username: "guitai01", role: .counterClerk, displayName: "窗口经办 guitai01", passwordHash: hash),
            AccountRecord(username: "xinghe-admin", role: .unitOperator, displayName: "北京星河数码科技有限公司 经办人",
                          passwordHash: hash, unitNumber: "10000001"),
            AccountRecord(username: "110105195609090137", role: .person, displayName: "孙建国", passwordHash: hash,
                          personNumber: "110105195609090137"),
        ]
        for account in accounts {
            _ = try repository.execute(.recordAccount(account), by: .system("test"), context: context)
        }
    }

    deinit {
        repository.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func model(channel: Channel = .web, kiosk: Bool = false, elder: Bool = false, terminal: String = "T01") throws -> AppModel {
        let environment = try AppEnvironment(repository: repository, policy: TerminalPolicy.load(),
                                             options: AppOptions(channel: channel, kiosk: kiosk, elder: elder),
                                             terminal: terminal, captchaSource: { [unowned self] in
                                                 self.captchasDrawn += 1
                                                 return Captcha(code: String(repeating: String(self.captchasDrawn % 10), count: 4))
                                             })
        return AppModel(environment: environment, now: Self.start)
    }
}

extension AppModel {
    mutating func type(_ keys: [Key], at now: Int64 = AppFixture.start) {
        for key in keys { _ = handle(key, now: now) }
    }

    mutating func type(_ text: String, at now: Int64 = AppFixture.start) {
        type(Key.typing(text), at: now)
    }

    mutating func screen(at now: Int64 = AppFixture.start) -> String {
        render(width: 80, height: 24, now: now).grid.text
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
