import Foundation
@testable import CardDomain
import Testing

/// One-time login codes (D10): requested by hash, decided by the identity port for an
/// identity that fits the tab, used once, never after they expire.
@Suite struct LoginCodeTests {
    static let code = "ACDEFHJK"
    static let terminal = Actor(username: "", role: .person)
    static let platform = Actor.system("platform")

    func requested(_ actor: String = "person", in state: inout CardState) {
        state.run(.requestLoginCode(codeHash: LoginCode.hash(Self.code), method: "qrScan", actor: actor), by: Self.terminal, channel: .web)
    }

    /// The seeded state with an account for 孙建国 and the operator of 10000002.
    func seeded() -> CardState {
        var state = DomainFixture.seededState()
        let hash = try! PasswordHash.make(password: "Demo@2026", salt: Array(repeating: 7, count: 16),
                                          parameters: .init(logCost: 10, blockSize: 8, parallelism: 1)).description
        state.run(.recordAccount(AccountRecord(username: "110105195609090137", role: .person, displayName: "孙建国", passwordHash: hash,
                                               personNumber: "110105195609090137")), by: DomainFixture.admin)
        state.run(.recordAccount(AccountRecord(username: "shequ-admin", role: .unitOperator, displayName: "经办人", passwordHash: hash,
                                               unitNumber: "10000002")), by: DomainFixture.admin)
        return state
    }

    @Test func anApprovedCodeLogsInOnceAndOnlyItsHashIsKept() throws {
        var state = seeded()
        requested(in: &state)
        state.run(.decideLoginCode(code: "acde-fhjk", identity: "110105195609090137", reason: nil), by: Self.platform, channel: .web)
        guard case .success(let events) = state.run(.completeCodeLogin(codeHash: LoginCode.hash(Self.code)), by: Self.terminal, channel: .web),
              case .loginAttempted(let attempt)? = events.first else { Issue.record("no login"); return }
        #expect(attempt.username == "110105195609090137" && attempt.succeeded && attempt.method == "qrScan")
        guard case .failure(.refused(let again)) = state.run(.completeCodeLogin(codeHash: LoginCode.hash(Self.code)),
                                                             by: Self.terminal, channel: .web) else { Issue.record("used twice"); return }
        #expect(again.contains("已经用过"))
        let envelope = EventEnvelope(actor: "", role: .person, at: 1, terminal: "t", channel: .web, assisting: nil,
                                     event: .loginCodeRequested(.init(codeHash: LoginCode.hash(Self.code), method: "qrScan",
                                                                      actor: "person", expiresAt: 2)))
        let json = String(decoding: try JSONEncoder().encode(envelope), as: UTF8.self)
        #expect(!json.contains(Self.code) && json.contains(LoginCode.hash(Self.code)))
    }

    @Test func theIdentityMustFitTheTab() {
        var state = seeded()
        requested("unitOperator", in: &state)
        state.run(.decideLoginCode(code: Self.code, identity: "110105195609090137", reason: nil), by: Self.platform, channel: .web)
        #expect(state.loginCodes[LoginCode.hash(Self.code)]?.decision == .denied(reason: "法人登录须以单位身份认证，个人不能登录"))
        var unit = seeded()
        requested("unitOperator", in: &unit)
        unit.run(.decideLoginCode(code: Self.code, identity: "10000002", reason: nil), by: Self.platform, channel: .web)
        #expect(unit.loginCodes[LoginCode.hash(Self.code)]?.decision == .approved(account: "shequ-admin"))
        var unknown = seeded()
        requested(in: &unknown)
        unknown.run(.decideLoginCode(code: Self.code, identity: "110101199003070011", reason: nil), by: Self.platform, channel: .web)
        guard case .denied(let reason)? = unknown.loginCodes[LoginCode.hash(Self.code)]?.decision else { Issue.record("approved"); return }
        #expect(reason.contains("不在参保人员记录中"))
    }

    @Test func aDeniedOrExpiredCodeDoesNotLogIn() {
        var state = seeded()
        requested(in: &state)
        state.run(.decideLoginCode(code: Self.code, identity: nil, reason: "人脸比对未通过"), by: Self.platform, channel: .web)
        guard case .failure(.refused(let reason)) = state.run(.completeCodeLogin(codeHash: LoginCode.hash(Self.code)),
                                                              by: Self.terminal, channel: .web) else { Issue.record("denied logged in"); return }
        #expect(reason == "人脸比对未通过")
        var late = seeded()
        late.run(.requestLoginCode(codeHash: LoginCode.hash(Self.code), method: "qrScan", actor: "person"), by: Self.terminal, channel: .web)
        var expired = late
        expired.loginCodes[LoginCode.hash(Self.code)]?.expiresAt = DomainFixture.now - 1
        guard case .failure(.refused(let message)) = expired.run(.decideLoginCode(code: Self.code, identity: "110105195609090137",
                                                                                  reason: nil), by: Self.platform, channel: .web) else {
            Issue.record("an expired code was decided")
            return
        }
        #expect(message.contains("过期"))
        guard case .failure(.notAllowed) = late.run(.decideLoginCode(code: Self.code, identity: "110105195609090137", reason: nil),
                                                    by: Self.terminal, channel: .web) else { Issue.record("a terminal approved itself"); return }
    }

    @Test func codesAreEightCharactersWithoutLookAlikes() {
        var random = SplitMix(seed: 7)
        for _ in 0..<200 {
            let code = LoginCode.make(using: &random)
            #expect(code.count == 8 && code.allSatisfy(LoginCode.alphabet.contains))
            #expect(!code.contains { "0O1IL2Z5S8BQG6".contains($0) })
        }
        #expect(LoginCode.grouped("ACDEFHJK") == "ACDE-FHJK")
        #expect(LoginCode.hash("acde-fhjk") == LoginCode.hash("ACDEFHJK"))
    }
}
