import Foundation
import CardDomain
import CardStore
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// U2 and U3 (D13, D16): the unit's employee table, ticking, the batch submission, the
/// query with its counts, and an employee's timeline.
@Suite struct UnitEmployeesTests {
    static let liu = "110101198501150626"
    static let chen = "110102199002280777"

    /// 刘洋 and 陈杰 confirm in 京通; 赵敏 has not.
    static func twoConfirmed() throws -> AppFixture {
        let fixture = try AppFixture()
        for number in [liu, chen] {
            var employee = try fixture.model(channel: .jingtong)
            employee.confirm(as: number)
        }
        return fixture
    }

    static func operatorModel(_ fixture: AppFixture, item: String, elder: Bool = false) throws -> AppModel {
        var model = try fixture.model(channel: .web, elder: elder)
        model.logInAsOperator("shequ-admin")
        model.choose(item)
        return model
    }

    @Test func theOperatorTicksTheConfirmedAndSubmitsThemInOneBatch() throws {
        let fixture = try Self.twoConfirmed()
        var model = try Self.operatorModel(fixture, item: "submitEmployees")
        let list = model.screen()
        #expect(list.contains("刘洋") && list.contains("陈杰") && !list.contains("赵敏"))
        #expect(list.contains("110101********0626") && !list.contains(Self.liu))
        Snapshot.assertMatches(list, named: "unit-submit-confirmed")
        // Everyone: 赵敏 shows, and cannot be ticked.
        model.focus("status")
        model.type([.enter, .home, .enter])
        #expect(model.screen().contains("赵敏"))
        model.type([.end, .character(" ")])
        let refused = model.screen()
        #expect(refused.contains("赵敏 尚未确认个人信息"))
        Snapshot.assertMatches(refused, named: "unit-submit-all-refused-tick")
        model.type([.character("a")])
        let ticked = model.screen()
        #expect(ticked.contains("已选 2 人 / 共 3 人"))
        Snapshot.assertMatches(ticked, named: "unit-submit-selection")
        model.type([.enter])
        let question = model.screen()
        #expect(question.contains("确认提交所选 2 名职工的申领信息？"))
        model.type([.enter])
        #expect(model.screen().contains("已提交 2 名职工的申领信息"))
        for number in [Self.liu, Self.chen] {
            let application = try #require(fixture.repository.state.applications(ofPerson: number).first)
            #expect(application.status == .submitted && application.timeline.last?.actor == "shequ-admin")
        }
        // The employee's 我的办事 shows it, with the operator as the actor.
        var liu = try fixture.model(channel: .web)
        liu.logIn(Self.liu)
        liu.choose("myApplications")
        #expect(liu.screen().contains("单位经办人 shequ-admin"))
    }

    @Test func aSecondAPressClearsAndEnterWithNothingTickedSaysSo() throws {
        let fixture = try Self.twoConfirmed()
        var model = try Self.operatorModel(fixture, item: "submitEmployees")
        model.type([.character("a"), .character("a"), .enter])
        #expect(model.overlay == nil)
        #expect(model.screen().contains("请先按空格勾选信息已确认的职工"))
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
    }

    @Test func slashSearchesByNameOrTheLastDigits() throws {
        let fixture = try Self.twoConfirmed()
        var model = try Self.operatorModel(fixture, item: "submitEmployees")
        model.type([.character("/")])
        model.type("0777")
        model.type([.enter])
        let found = model.screen()
        #expect(found.contains("陈杰") && !found.contains("刘洋"))
        Snapshot.assertMatches(found, named: "unit-submit-search")
    }

    @Test func aFullPageOfManyEmployeesPagesWithPgDn() throws {
        let fixture = try AppFixture()
        try fixture.addEmployees(30, unit: "10000002")
        var model = try Self.operatorModel(fixture, item: "employeeStatus")
        let first = model.screen()
        #expect(first.contains("待确认 33") && first.contains("第 1 / 3 页"))
        Snapshot.assertMatches(first, named: "unit-status-full-page")
        model.type([.pageDown])
        #expect(model.screen().contains("第 2 / 3 页"))
        model.type([.end])
        #expect(model.screen().contains("第 3 / 3 页"))
        var submit = try Self.operatorModel(fixture, item: "submitEmployees")
        submit.focus("status")
        submit.type([.enter, .home, .enter])
        let full = submit.screen()
        #expect(full.contains("第 1 / 3 页"))
        Snapshot.assertMatches(full, named: "unit-submit-full-page")
        var elder = try Self.operatorModel(fixture, item: "submitEmployees", elder: true)
        elder.focus("status")
        elder.type([.enter, .home, .enter])
        Snapshot.assertMatches(elder.screen(), named: "unit-submit-full-page-elder")
    }

    @Test func theQueryCountsEachStatusAndOpensATimelineThatIsRecorded() throws {
        let fixture = try Self.twoConfirmed()
        var model = try Self.operatorModel(fixture, item: "employeeStatus")
        let screen = model.screen()
        #expect(screen.contains("待确认 1  信息已确认 2"))
        Snapshot.assertMatches(screen, named: "unit-status")
        var elder = try Self.operatorModel(fixture, item: "employeeStatus", elder: true)
        Snapshot.assertMatches(elder.screen(), named: "unit-status-elder")
        model.type([.enter])
        let timeline = model.screen()
        #expect(timeline.contains("办事进度：刘洋") && timeline.contains("信息已确认"))
        #expect(try ViewAudit(data: fixture.repository.data).views(of: Self.liu).last?.viewer == "shequ-admin")
        model.type([.escape])
        #expect(model.screen().contains("职工申请情况查询"))
    }

    @Test func aClosedUnitIsRefusedWithWhatToDo() throws {
        let fixture = try Self.twoConfirmed()
        var settings = try #require(fixture.repository.state.units["10000002"]?.collective)
        settings.opened = false
        try fixture.repository.execute(.saveCollectiveSettings(unitNumber: "10000002", settings: settings),
                                       by: Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002"),
                                       context: CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                                               terminal: "T09", channel: .web))
        var model = try Self.operatorModel(fixture, item: "submitEmployees")
        model.type([.character("a"), .enter, .enter])
        #expect(model.screen().contains("单位已暂停集体申请"))
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
    }

    /// E asks for a path and writes the list under the filter, masked, to a 0600 file.
    @Test func exportWritesTheFilteredListToAPrivateFile() throws {
        let fixture = try Self.twoConfirmed()
        var model = try Self.operatorModel(fixture, item: "employeeStatus")
        model.type([.character("e")])
        let asking = model.screen()
        #expect(asking.contains("导出到"))
        Snapshot.assertMatches(asking, named: "unit-status-export-path")
        let path = fixture.photos + "/shequ.csv"
        model.type([.control("u")])
        model.type(path)
        model.type([.enter])
        #expect(model.screen().contains("已将 3 名职工写入"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("刘洋,110101********0626,信息已确认,单位代领"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Esc while a path is asked closes the question, not the page.
        model.type([.enter, .character("e"), .escape])
        #expect(model.screen().contains("职工申请情况查询") && !model.screen().contains("导出到"))
    }
}

/// The counter's detail of an employee whose unit submitted spoke to the clerk as if to the
/// employee ("单位已提交您的申请"): staff now read about the person, not to them.
@Suite struct CounterDetailWordingTests {
    @Test func theCountersDetailOfASubmittedEmployeeSpeaksAboutThemNotToThem() throws {
        let fixture = try UnitEmployeesTests.twoConfirmed()
        var unit = try UnitEmployeesTests.operatorModel(fixture, item: "submitEmployees")
        unit.type([.character("a"), .enter, .enter])
        #expect(fixture.repository.state.applications(ofPerson: UnitEmployeesTests.liu).first?.status == .submitted)
        var clerk = try fixture.model(channel: .counter)
        clerk.logIn("guitai01")
        clerk.openPerson(UnitEmployeesTests.liu)
        let detail = clerk.screen().filter { !$0.isWhitespace }
        #expect(detail.contains("其单位已提交该职工的申请"), "\(clerk.screen())")
        #expect(!detail.contains("您"), "\(clerk.screen())")
    }
}

/// The key bar said "Enter 提交单位资料" while a list was open, and "下一步" in a text field
/// where Enter moves to the next field. It now names what the keys do now, on every field.
@Suite struct KeyBarTests {
    static func bar(_ model: AppModel) -> String {
        var model = model
        return String(model.screen().split(separator: "\n").last ?? "")
    }

    @Test func theKeyBarNamesWhatEnterDoesOnEachField() throws {
        let fixture = try AppFixture()
        var model = try UnitEmployeesTests.operatorModel(fixture, item: "openCollective")
        let fields = model.currentForm.fields.filter(\.isFocusable)
        #expect(fields.contains { if case .select = $0.control { return true } else { return false } })
        for field in fields {
            model.focus(field.id)
            let bar = Self.bar(model)
            switch field.control {
            case .button(let label): #expect(bar.contains("Enter \(label)") || bar.contains("Enter 提交单位资料"), "\(field.id): \(bar)")
            case .select: #expect(bar.contains("Enter 打开列表"), "\(field.id): \(bar)")
            case .text where field.id != fields.last(where: { !$0.isButton })?.id:
                #expect(bar.contains("Enter 下一项"), "\(field.id): \(bar)")
            default: break
            }
        }
        // An open list has its own keys.
        let select = try #require(fields.first { if case .select = $0.control { return true } else { return false } })
        model.focus(select.id)
        model.type([.enter])
        let open = Self.bar(model)
        #expect(open.contains("Esc 关闭列表") && open.contains("Enter 选定") && !open.contains("提交单位资料"), "\(open)")
    }
}
