import CardWizards
import Testing

@Suite struct WizardPathTests {
    struct Answers { var pickupByMail: Bool }

    // The retiree flow's shape: the mail step only when 银行邮寄 is chosen.
    let path = WizardPath<Answers>([
        .init(id: "declaration", title: "声明"),
        .init(id: "photo", title: "照片"),
        .init(id: "details", title: "补录信息"),
        .init(id: "pickup", title: "领卡方式"),
        .init(id: "mail", title: "邮寄地址", shownWhen: { $0.pickupByMail }),
        .init(id: "confirm", title: "确认"),
    ])

    @Test func hiddenStepsAreSkippedBothWays() {
        let branch = Answers(pickupByMail: false)
        #expect(path.step(after: "pickup", answers: branch)?.id == "confirm")
        #expect(path.step(before: "confirm", answers: branch)?.id == "pickup")
        let mail = Answers(pickupByMail: true)
        #expect(path.step(after: "pickup", answers: mail)?.id == "mail")
        #expect(path.step(before: "confirm", answers: mail)?.id == "mail")
    }

    @Test func endsHaveNoNeighbour() {
        let answers = Answers(pickupByMail: true)
        #expect(path.step(before: "declaration", answers: answers) == nil)
        #expect(path.step(after: "confirm", answers: answers) == nil)
        #expect(path.step(after: "no-such-step", answers: answers) == nil)
    }

    @Test func stepLineCountsVisibleStepsOnly() {
        #expect(path.stepLine(at: "details", answers: Answers(pickupByMail: false)) == "第 3 步 / 共 5 步：补录信息")
        #expect(path.stepLine(at: "confirm", answers: Answers(pickupByMail: true)) == "第 6 步 / 共 6 步：确认")
        #expect(path.stepLine(at: "mail", answers: Answers(pickupByMail: false)) == nil)
    }
}
