import CardDomain
import Testing

/// After 照片审核未通过 the applicant corrects the form and sends it again (D3).
@Suite struct ResubmitTests {
    static let id = "SB20261121000001"
    static let office = Actor(username: "houtai01", role: .backOffice)

    static func rejectedState() throws -> (CardState, PersonRecord) {
        var state = DomainFixture.seededState()
        _ = try DecideTests.submit("孙建国", in: &state).get()
        _ = try state.run(.changeStatus(applicationID: id, to: .photoRejected, reason: "背景不是白色"), by: office).get()
        return (state, DomainFixture.person("孙建国"))
    }

    @Test func aSentBackApplicationIsResubmittedWithTheNewPhoto() throws {
        var (state, person) = try Self.rejectedState()
        var form = try #require(state.applications[Self.id]?.form)
        form.cardPhoto = PhotoReference(sha256: String(repeating: "b", count: 64), byteCount: 30_000, format: .jpeg,
                                        size: PixelSize(width: 358, height: 441))
        _ = try state.run(.resubmitApplication(applicationID: Self.id, form: form), by: DecideTests.personActor(person), channel: .web).get()
        let application = try #require(state.applications[Self.id])
        #expect(application.status == .submitted)
        #expect(application.form.cardPhoto?.sha256.hasPrefix("bbbb") == true)
        #expect(application.timeline.map(\.status) == [.submitted, .photoRejected, .submitted])
        #expect(application.timeline.last?.reason == "申请人已修改并重新提交")
        #expect(state.applications(in: .photoRejected).isEmpty)
    }

    @Test func onlyASentBackApplicationMayBeResubmitted() throws {
        var state = DomainFixture.seededState()
        _ = try DecideTests.submit("孙建国", in: &state).get()
        let person = DomainFixture.person("孙建国")
        let form = try #require(state.applications[Self.id]?.form)
        #expect(DecideTests.refusal(state.run(.resubmitApplication(applicationID: Self.id, form: form), by: DecideTests.personActor(person)))
                == .refused("该申请的状态为「已提交」，不需要重新提交"))
    }

    @Test func theCorrectedFormIsCheckedAndOnlyTheApplicantMayResubmit() throws {
        var (state, person) = try Self.rejectedState()
        var form = try #require(state.applications[Self.id]?.form)
        form.consented = false
        #expect(DecideTests.refusal(state.run(.resubmitApplication(applicationID: Self.id, form: form),
                                              by: DecideTests.personActor(person), channel: .web))?.description.contains("请勾选") == true)
        let other = DecideTests.personActor(DomainFixture.person("周秀英"))
        #expect(DecideTests.refusal(state.run(.resubmitApplication(applicationID: Self.id, form: form), by: other))
                == .notAllowed("只能办理本人的申请"))
    }
}
