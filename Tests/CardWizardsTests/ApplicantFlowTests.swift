import CardDomain
import CardResources
import CardWizards
import Testing
import TerminalUI

/// The engine over the shipped channel data: conditions, skipped steps, pages, terms.
@Suite struct ApplicantFlowTests {
    static let reference = try! CardResources.referenceData()
    static let demo = try! CardResources.demoData()

    static func person(_ name: String) -> PersonRecord { demo.persons.first { $0.name == name }! }
    static func profile(_ channel: Channel) -> ChannelProfile { reference.channel(channel)! }

    static let unitCollects = UnitRecord.CollectiveSettings(
        address: "北京市朝阳区团结湖路15号", operatorName: "韩静", operatorDocumentNumber: "110105198207150524",
        operatorMobile: "13800020000", opened: true, unitCollects: true, bank: "北京银行", branch: "北京银行朝阳支行")

    func page(_ flow: ApplicantFlow) -> Form {
        StepFields(flow: flow, reference: Self.reference, texts: { Self.reference.text($0) }).form()
    }

    @Test func mailFieldsShowOnlyWhileBankMailIsChosen() {
        var flow = ApplicantFlow(profile: Self.profile(.jingtong), person: Self.person("孙建国"))
        flow.step = flow.steps.firstIndex { $0.id == "pickup" }!
        #expect(flow.form.pickupMethod == .branchPickup)
        #expect(flow.pageFields == ["pickupMethod", "bank", "branch"])
        flow.form.pickupMethod = .bankMail
        #expect(flow.pageFields == ["pickupMethod", "recipientName", "recipientPhone", "mailDistrict", "postalCode",
                                    "mailAddress", "bank", "branch"])
    }

    @Test func unitCollectsIsFixedAndReadOnly() {
        let profile = Self.profile(.web)
        let terms = ApplicantTerms.employee(of: Self.unitCollects, flow: profile.employee)
        var flow = ApplicantFlow(profile: profile, kind: .unit, terms: terms, person: Self.person("刘洋"))
        flow.step = flow.steps.firstIndex { $0.id == "pickup" }!
        #expect(flow.form.pickupMethod == .unitCollects)
        #expect(flow.pageFields == ["pickupMethod"])
        let field = page(flow).fields.first { $0.id == "pickupMethod" }!
        #expect(field.control == .readOnly("单位代领", note: "单位已选择单位代领，不可更改"))
    }

    @Test func employeesChooseAmongTheTwoOthersWhenTheUnitDoesNotCollect() {
        var settings = Self.unitCollects
        settings.unitCollects = false
        let profile = Self.profile(.minsheng)
        let terms = ApplicantTerms.employee(of: settings, flow: profile.employee)
        var flow = ApplicantFlow(profile: profile, kind: .unit, terms: terms, person: Self.person("张伟"))
        flow.step = flow.steps.firstIndex { $0.id == "pickup" }!
        guard case .radio(let group) = page(flow).fields.first(where: { $0.id == "pickupMethod" })?.control else {
            Issue.record("领卡方式 should be a choice")
            return
        }
        #expect(group.options.map(\.label) == ["网点自取", "银行邮寄"])
        // 民生一卡通 lets the employee choose another branch of the unit's bank (D6), never another bank.
        flow.step = flow.steps.firstIndex { $0.id == "cardInfo" }!
        let form = page(flow)
        #expect(form.fields.first { $0.id == "bank" }?.control == .readOnly("北京银行", note: "单位选定的办卡银行，不可更换"))
        guard case .select(let list, let chosen, _)? = form.fields.first(where: { $0.id == "branch" })?.control else {
            Issue.record("办卡网点 should be a list in 民生一卡通")
            return
        }
        #expect(chosen == "北京银行朝阳支行")
        #expect(list.options.allSatisfy { $0.label.hasPrefix("北京银行") })
    }

    @Test func aStepWithNothingToShowIsSkippedAndNotCounted() {
        // A channel whose mail fields are a step of their own: hidden unless mailed.
        var profile = Self.profile(.web)
        profile.retiree.steps.insert(.init(id: "mail", title: "邮寄信息", fields: ["recipientName", "mailAddress"],
                                           nextButton: "下一步"), at: 3)
        profile.retiree.pickup = [.init(method: .branchPickup, label: "网点领取"), .init(method: .bankMail, label: "银行邮寄")]
        var flow = ApplicantFlow(profile: profile, person: Self.person("孙建国"))
        #expect(flow.form.pickupMethod == .branchPickup)
        flow.step = 2
        #expect(flow.heading == "第 3 步 / 共 4 步：领卡方式")
        let advanced = flow.advance()
        #expect(advanced)
        #expect(flow.currentStep.id == "consent")
        let wentBack = flow.goBack()
        #expect(wentBack)
        #expect(flow.currentStep.id == "pickup")
        flow.form.pickupMethod = .bankMail
        let advancedToMail = flow.advance()
        #expect(advancedToMail)
        #expect(flow.currentStep.id == "mail")
        #expect(flow.heading == "第 4 步 / 共 5 步：邮寄信息")
    }

    @Test func theElderLayoutPagesOnlyWhatShows() {
        var flow = ApplicantFlow(profile: Self.profile(.jingtong), person: Self.person("孙建国"), fieldsPerPage: 4)
        flow.step = flow.steps.firstIndex { $0.id == "pickup" }!
        #expect(flow.heading.hasSuffix("领卡方式"))
        flow.form.pickupMethod = .bankMail
        #expect(flow.heading.hasSuffix("领卡方式（1/2）"))
    }

    @Test func theEmployeeFlowFollowsEachChannelsOrder() {
        let order = [Channel.web, .jingtong, .minsheng].map { Self.profile($0).employee.steps.map(\.title) }
        #expect(order[0] == ["个人基本信息", "上传身份证", "领卡方式", "确认提交"])
        #expect(order[1] == ["核对基本信息", "补充信息", "领卡方式", "开户信息", "上传照片", "确认提交"])
        #expect(order[2] == ["身份识别", "基本信息", "制卡照片", "手机号和银行", "领卡方式", "确认提交"])
        #expect(Self.profile(.minsheng).employee.entryPopup?.button == "确认信息")
        #expect([Channel.web, .jingtong, .minsheng].map { Self.profile($0).employee.finalConsent }
                == ["申请人郑重承诺", "我已阅读并同意", "我已阅读并同意"])
    }

    @Test func readingBackKeepsAFixedPickupAndTakesAChosenBranch() {
        var settings = Self.unitCollects
        settings.unitCollects = true
        let profile = Self.profile(.jingtong)
        var flow = ApplicantFlow(profile: profile, kind: .unit, terms: .employee(of: settings, flow: profile.employee),
                                 person: Self.person("陈杰"))
        flow.step = flow.steps.firstIndex { $0.id == "bank" }!
        var form = page(flow)
        let set = form.setValue("北京银行西城支行", for: "branch")
        #expect(set)
        _ = StepReader(reference: Self.reference, today: CalendarDate(year: 2026, month: 11, day: 22)!).read(form, into: &flow)
        #expect(flow.form.branch == "北京银行西城支行")
        flow.step = flow.steps.firstIndex { $0.id == "pickup" }!
        form = page(flow)
        _ = StepReader(reference: Self.reference, today: CalendarDate(year: 2026, month: 11, day: 22)!).read(form, into: &flow)
        #expect(flow.form.pickupMethod == .unitCollects)
    }

    /// 京通's and 民生's step lines once dropped every later step's name ("[1 核对基本信息] >
    /// 2 > 3 > …"): every step is named, shortened to two characters only where the line
    /// would not fit, in every channel and at every step.
    @Test(arguments: [Channel.web, .jingtong, .minsheng, .counter])
    func theStepLineNamesEveryStep(channel: Channel) {
        for kind in [Application.Kind.personal] {
            var flow = ApplicantFlow(profile: Self.profile(channel), kind: kind, person: Self.person("孙建国"))
            repeat {
                let trail = flow.trail()
                #expect(DisplayWidth.columns(of: trail) <= 72, "\(trail)")
                for index in flow.visibleSteps {
                    #expect(trail.contains(String(flow.steps[index].title.prefix(2))), "\(channel): \(trail)")
                }
            } while flow.advance()
        }
    }
}
