import CardDomain
@testable import CardStore
import Testing

/// The index's compact person bytes: every field comes back, and cut or foreign bytes
/// give nil rather than a crash or a wrong person.
@Suite struct PersonRecordCodecTests {
    static let people = GeneratedPeople(reference: CardRepositoryTests.reference)

    static var samples: [PersonRecord] {
        CardRepositoryTests.demo.persons + (0..<200).map { people.person($0, units: ["10000001"]) }
    }

    @Test func everyFieldComesBack() {
        for person in Self.samples {
            let bytes = PersonRecordCodec.encode(person)
            #expect(bytes.withUnsafeBytes { PersonRecordCodec.decode($0) } == person)
        }
        var unusual = Self.samples[0]
        unusual.ethnicGroup = nil
        unusual.mobile = nil
        unusual.unitNumber = ""
        unusual.deceased = true
        unusual.holdsThirdGenerationCard = true
        #expect(PersonRecordCodec.encode(unusual).withUnsafeBytes { PersonRecordCodec.decode($0) } == unusual)
    }

    @Test func cutOrForeignBytesDecodeToNothing() {
        let bytes = PersonRecordCodec.encode(Self.samples[0])
        for length in 0..<bytes.count {
            #expect(Array(bytes[0..<length]).withUnsafeBytes { PersonRecordCodec.decode($0) } == nil)
        }
        #expect((bytes + [0]).withUnsafeBytes { PersonRecordCodec.decode($0) } == nil)
        var wrongVersion = bytes
        wrongVersion[0] = 9
        #expect(wrongVersion.withUnsafeBytes { PersonRecordCodec.decode($0) } == nil)
        var random = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            var noise = (0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if !noise.isEmpty { noise[0] = PersonRecordCodec.version }
            _ = noise.withUnsafeBytes { PersonRecordCodec.decode($0) }
        }
    }
}
