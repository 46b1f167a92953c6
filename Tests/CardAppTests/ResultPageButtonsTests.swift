@testable import CardApp
import CardDomain
import CardResources
import TerminalUI
import Testing

/// Issue 28 item 10: a result page puts 【查看办事进度】 and 【返回首页】 after the details
/// they act on, as every other page does, in every channel and layout; in the elder layout
/// the 办事编号 and the buttons are on one screen.
@Suite struct ResultPageButtonsTests {
    static let reference = try! CardResources.referenceData()
    static let demo = try! CardResources.demoData()

    func receipt(_ channel: Channel, mailed: Bool, printable: Bool, elder: Bool) throws -> ReceiptScreen {
        let person = Self.demo.persons.first { $0.name == "孙建国" }!
        var form = ApplicationForm()
        form.pickupMethod = mailed ? .bankMail : .branchPickup
        form.bank = "中国工商银行"
        form.branch = "中国工商银行北京朝阳支行"
        if mailed {
            form.mailing = MailingDetails(recipientName: "孙建国", recipientPhone: "13900030001", district: "110105",
                                          postalCode: "100021", address: "北京市朝阳区劲松八区802号楼")
        }
        var state = CardState()
        state.apply(EventEnvelope(actor: "t", role: .person, at: 1_795_241_100_000_000, terminal: "T01", channel: channel, assisting: nil,
                                  event: .applicationSubmitted(.init(applicationID: "SB20261121000001", personNumber: person.documentNumber,
                                                                     unitNumber: nil, kind: .personal, form: form))))
        let application = try #require(state.applications["SB20261121000001"])
        let profile = try #require(Self.reference.channel(channel))
        return ReceiptScreen(application: application, person: person, profile: profile, message: profile.retiree.successMessage,
                             nextSteps: "制卡完成后……", printable: printable, essentialsOnly: elder)
    }

    @Test(arguments: Channel.allCases, [false, true])
    func buttonsComeAfterEveryDetail(channel: Channel, elder: Bool) throws {
        for mailed in [false, true] {
            let fields = try receipt(channel, mailed: mailed, printable: channel == .counter, elder: elder).form.fields
            let firstButton = try #require(fields.firstIndex { $0.isButton })
            #expect(fields[firstButton...].allSatisfy { $0.isButton }, "\(channel) elder \(elder): a detail after the buttons")
            #expect(fields.last?.id == "home")
            #expect(fields.contains { $0.id == "办事编号" } && fields.contains { $0.id == "next" })
            #expect(fields.contains { $0.id == "办卡银行" } == !elder)
        }
    }

    @Test(arguments: Channel.allCases)
    func theElderReceiptShowsItsNumberAndItsButtonsOnOneScreen(channel: Channel) throws {
        let screen = try receipt(channel, mailed: true, printable: channel == .counter, elder: true)
        var canvas = Canvas(width: 80, height: 24)
        var form = screen.form
        form.focus(on: "home")
        form.draw(on: &canvas, in: Rect(row: 3, column: 0, width: 80, height: 19), layout: .elder)
        let text = canvas.grid.text
        #expect(text.contains("SB20261121000001") && text.contains("【返回首页】") && !text.contains("(上面还有)"), "\(text)")
    }
}
