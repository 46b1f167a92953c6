@testable import CardApp
import CardDomain
import Foundation
import Testing
import TerminalUI

/// A bigger window is used: lists show more rows at 100x30 than at 80x24.
@Suite struct WideWindowTests {
    @Test func theLookUpListGrowsWithTheWindow() throws {
        let fixture = try AppFixture()
        for index in 0..<30 {
            let body = "11010519500101" + String(format: "%03d", index * 2 + 11)
            let number = body + String(ResidentIDNumber.checkCharacter(for: Array(body))!)
            try fixture.addRetiree(name: "王" + ["一", "二", "三", "四", "五", "六"][index % 6] + ["甲", "乙", "丙", "丁", "戊"][index / 6],
                                   number: number, birth: CalendarDate(year: 1950, month: 1, day: 1)!,
                                   mobile: "139000" + String(format: "%05d", index))
        }
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.choose("lookUp")
        model.type("王")
        model.type([.enter])
        let small = model.screen()
        let large = model.screen(width: 100, height: 30)
        let rows = { (text: String) in text.split(separator: "\n").filter { $0.contains("王") }.count }
        #expect(rows(small) == 16 && rows(large) == 22, "80x24: \(rows(small)) rows, 100x30: \(rows(large))")
        #expect(large.contains("第 1 / 2 页，共 31 项"))
    }
}
