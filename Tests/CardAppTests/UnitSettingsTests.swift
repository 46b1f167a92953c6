import CardDomain
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// Flow U1 (D5, D15): the unit operator opens, changes and closes collective application.
@Suite struct UnitSettingsTests {
    static let liu = "110101198501150626"
    static let chen = "110102199002280777"

    /// Logs the operator in and opens 单位开通集体申请.
    static func openForm(_ fixture: AppFixture, as operatorName: String, elder: Bool = false) throws -> AppModel {
        var model = try fixture.model(channel: .web, elder: elder)
        model.logInAsOperator(operatorName)
        model.choose("openCollective")
        return model
    }

    /// Fills the 星河数码 form: address, operator, 开通, 单位代领 as given, 北京银行 朝阳支行.
    static func fillXinghe(_ model: inout AppModel, unitCollects: Bool) {
        model.focus("address")
        model.type("北京市朝阳区望京街道阜通东大街1号")
        model.focus("operatorName")
        model.type("周明")
        model.focus("operatorDocumentNumber")
        model.type("110105198803120313")
        model.focus("operatorMobile")
        model.type("13800010009")
        model.focus("unitCollects")
        model.type([unitCollects ? .up : .down])
        model.focus("bank")
        model.type("北京银行")
        model.type([.enter])
        model.focus("branch")
        model.type("朝阳")
        model.type([.enter])
    }

    @Test func theOperatorSeesTheUnitMenuAndTheFormWithTheUnitsRecords() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logInAsOperator("xinghe-admin")
        let home = model.screen()
        for item in ["单位开通集体申请", "职工申请信息提交", "职工申请情况查询"] { #expect(home.contains(item)) }
        Snapshot.assertMatches(home, named: "unit-home")
        model.choose("openCollective")
        Snapshot.assertMatches(model.screen(), named: "unit-settings-empty")
        var elder = try Self.openForm(fixture, as: "xinghe-admin", elder: true)
        let form = elder.screen()
        #expect(form.contains("单位开通集体申请资料填写") && form.contains("91110105MA01A2B325"))
        Snapshot.assertMatches(form, named: "unit-settings-empty-elder")
    }

    @Test func everyProblemIsNamedAndNothingTypedIsLost() throws {
        let fixture = try AppFixture()
        var model = try Self.openForm(fixture, as: "xinghe-admin")
        model.focus("address")
        model.type("北京市朝阳区望京街道阜通东大街1号")
        model.focus("operatorMobile")
        model.type("1380001")
        model.focus("submit")
        model.type([.enter])
        let screen = model.screen()
        #expect(screen.contains("经办人姓名"))
        #expect(model.currentForm.fields.first { $0.id == "operatorMobile" }?.problem != nil)
        #expect(model.currentForm.fields.first { $0.id == "bank" }?.problem == "请选择合作银行")
        #expect(model.currentForm.value("address") == "北京市朝阳区望京街道阜通东大街1号")
        #expect(fixture.repository.state.units["10000001"]?.collective == nil)
        Snapshot.assertMatches(screen, named: "unit-settings-problems")
    }

    @Test func openingRecordsTheSettingAndSaysWhatHappensNext() throws {
        let fixture = try AppFixture()
        var model = try Self.openForm(fixture, as: "xinghe-admin")
        Self.fillXinghe(&model, unitCollects: false)
        // The branch list starts with the unit's district (朝阳区) and filters as typed.
        #expect(model.currentForm.value("branch") == "北京银行朝阳支行")
        Snapshot.assertMatches(model.screen(), named: "unit-settings-filled")
        model.focus("submit")
        model.type([.enter])
        #expect(model.screen().contains("已开通集体申请，请通知职工登录确认个人信息"))
        let settings = try #require(fixture.repository.state.units["10000001"]?.collective)
        #expect(settings.opened && !settings.unitCollects)
        #expect(settings.bank == "北京银行" && settings.branch == "北京银行朝阳支行")
        #expect(settings.operatorName == "周明")
    }

    @Test func changingPickupSendsConfirmedEmployeesBackAfterADialogThatCountsThem() throws {
        let fixture = try AppFixture()
        for number in [Self.liu, Self.chen] {
            var employee = try fixture.model(channel: .web)
            employee.confirm(as: number)
            #expect(fixture.repository.state.applications(ofPerson: number).first?.status == .confirmed)
        }
        var model = try Self.openForm(fixture, as: "shequ-admin")
        #expect(model.currentForm.value("unitCollects") == "true")
        model.focus("unitCollects")
        model.type([.down])
        model.focus("submit")
        model.type([.enter])
        let dialog = model.screen()
        #expect(dialog.contains("2 名已确认信息的职工"))
        Snapshot.assertMatches(dialog, named: "unit-settings-affects-two")
        model.type([.enter])
        #expect(model.screen().contains("已有 2 名职工回到「待确认」"))
        for number in [Self.liu, Self.chen] {
            let application = try #require(fixture.repository.state.applications(ofPerson: number).first)
            #expect(application.status == .awaitingConfirmation)
            #expect(application.timeline.last?.reason == "单位已调整领卡方式或办卡银行，请重新确认个人信息")
            #expect(application.timeline.last?.role == .unitOperator)
        }
        // The employee sees why, and now chooses between the two other methods.
        var liu = try fixture.model(channel: .web)
        liu.logIn(Self.liu)
        liu.choose("confirm")
        liu.type([.character(" "), .enter])
        let first = liu.screen()
        #expect(first.contains("退回原因：单位已调整领卡方式或办卡银行，请重新确认个人信息"))
        Snapshot.assertMatches(first, named: "employee-web-sent-back")
    }

    @Test func cancellingTheDialogSavesNothing() throws {
        let fixture = try AppFixture()
        var employee = try fixture.model(channel: .web)
        employee.confirm(as: Self.liu)
        var model = try Self.openForm(fixture, as: "shequ-admin")
        model.focus("unitCollects")
        model.type([.down])
        model.focus("submit")
        model.type([.enter, .right, .enter])
        #expect(fixture.repository.state.units["10000002"]?.collective?.unitCollects == true)
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
        #expect(model.currentForm.value("unitCollects") == "false")
    }

    @Test func closingKeepsConfirmationsAndRefusesNewOnes() throws {
        let fixture = try AppFixture()
        var employee = try fixture.model(channel: .web)
        employee.confirm(as: Self.liu)
        var model = try Self.openForm(fixture, as: "shequ-admin")
        model.focus("opened")
        model.type([.down])
        model.focus("submit")
        model.type([.enter])
        #expect(model.screen().contains("暂停集体申请"))
        model.type([.enter])
        #expect(fixture.repository.state.units["10000002"]?.collective?.opened == false)
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
        var chen = try fixture.model(channel: .web)
        chen.logIn(Self.chen)
        chen.choose("confirm")
        #expect(chen.screen().contains("已暂停集体申请"))
    }
}

extension AppModel {
    /// Logs in as the employee and confirms through this channel with the test photos.
    mutating func confirm(as number: String) {
        logIn(number)
        choose("confirm")
        if case .message? = overlay { type([.enter]) }  // 民生一卡通's 【确认信息】
        type([.character(" "), .enter])
        walkApplication()
        if case .confirmSubmit? = overlay { type([.enter]) }
    }
}
