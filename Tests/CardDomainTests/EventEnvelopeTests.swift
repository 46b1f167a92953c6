import CardDomain
import Foundation
import Testing

/// Events keep who, when, where and through which channel, and old events stay readable.
@Suite struct EventEnvelopeTests {
    @Test func anEnvelopeRoundTripsWithEveryEventKind() throws {
        let person = DomainFixture.person("孙建国")
        let events: [DomainEvent] = [
            .personRecorded(person), .unitRecorded(DomainFixture.demo.units[1]),
            .accountRecorded(AccountRecord(username: "a", role: .backOffice, displayName: "A", passwordHash: "$scrypt$x")),
            .personViewed(personNumber: person.documentNumber),
            .draftSaved(.init(personNumber: person.documentNumber, step: "photos", form: DomainFixture.form(for: person))),
            .applicationSubmitted(.init(applicationID: "SB1", personNumber: person.documentNumber, unitNumber: nil,
                                        kind: .personal, form: DomainFixture.form(for: person))),
            .statusChanged(.init(applicationID: "SB1", from: .submitted, to: .photoRejected, reason: "背景不是白色")),
            .applicationResubmitted(.init(applicationID: "SB1", from: .photoRejected, form: DomainFixture.form(for: person))),
        ]
        for event in events {
            let envelope = EventEnvelope(actor: "guitai01", role: .counterClerk, at: 42, terminal: "pts/3",
                                         channel: .counter, assisting: person.documentNumber, event: event)
            let decoded = try JSONDecoder().decode(EventEnvelope.self, from: JSONEncoder().encode(envelope))
            #expect(decoded == envelope)
            #expect(decoded.schemaVersion == EventEnvelope.currentSchemaVersion)
        }
    }

    /// A version-1 record as an older build wrote it: no terminal, no assisting, a form with
    /// only some fields, and a field this build does not know. It must still replay.
    @Test func anOldEventWithMissingOptionalFieldsAndUnknownFieldsStillDecodes() throws {
        let old = """
            {"v":1,"kind":"draftSaved","actor":"110105195609090137","role":"个人","at":1,"channel":"web",
             "data":{"personNumber":"110105195609090137","step":"photos","form":{"consented":false,"occupation":"80"},
                     "addedLater":"ignored"}}
            """
        let envelope = try JSONDecoder().decode(EventEnvelope.self, from: Data(old.utf8))
        #expect(envelope.terminal == "")
        #expect(envelope.assisting == nil)
        guard case .draftSaved(let draft) = envelope.event else { Issue.record("wrong kind"); return }
        #expect(draft.form.occupation == "80")
        #expect(draft.form.cardPhoto == nil)
    }

    @Test func anEventOfAKindFromANewerBuildIsCountedAndSkipped() throws {
        let newer = #"{"v":2,"kind":"cardActivated","actor":"x","role":"后台制卡审核","at":1,"channel":"counter","data":{}}"#
        let envelope = try JSONDecoder().decode(EventEnvelope.self, from: Data(newer.utf8))
        #expect(envelope.event == .unrecognised(kind: "cardActivated"))
        var state = CardState()
        state.apply(envelope)
        #expect(state.unrecognisedEvents == 1)
        #expect(state.persons.isEmpty)
    }
}
