import CardDomain
import CardResources
import CardStore

/// The data `sscard-bench unit` works on: the demo set, N generated employees of 社区卫生
/// 服务中心 (10000002, which has opened with 单位代领), and C of them confirmed, each as
/// the employee would (one command each, as real confirmations arrive).
struct UnitBenchmarkData {
    static let now: Int64 = 1_795_241_100_000_000
    static let context = CommandContext(now: now, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "bench",
                                        channel: .jingtong)
    let repository: CardRepository

    func seed(employees: Int, confirmed: Int) throws {
        let seeder = DemoSeeder(repository: repository, context: Self.context)
        _ = try seeder.seed(try CardResources.demoData()) { Array(repeating: 7, count: 16) }
        _ = try seeder.seedEmployees(count: employees, unit: "10000002")
        // Generated people whose ID has expired would have to enter a renewed one: leave them out.
        let people = repository.state.persons.members(ofUnit: "10000002", limit: .max).compactMap { repository.state.person($0) }.filter { !$0.validity.isExpired(on: Self.context.today) }
            .sorted { $0.documentNumber < $1.documentNumber }.prefix(confirmed)
        var context = Self.context
        for person in people {
            context.now += 1_000
            try repository.execute(.confirmEmployeeData(personNumber: person.documentNumber, form: Self.form(for: person)),
                                   by: Actor(username: person.documentNumber, role: .person, personNumber: person.documentNumber),
                                   context: context)
        }
    }

    static func form(for person: PersonRecord) -> ApplicationForm {
        let photo = PhotoReference(sha256: String(repeating: "c", count: 64), byteCount: 40_000, format: .png,
                                   size: PixelSize(width: 358, height: 441))
        return ApplicationForm(validityStart: person.validityStart, ethnicGroup: "01", occupation: "17",
                               residenceDistrict: person.residenceDistrict, residenceAddress: person.residenceAddress,
                               mobile: person.mobile, bank: "北京银行", branch: "北京银行朝阳支行", pickupMethod: .unitCollects,
                               cardPhoto: photo, idCardFront: photo, idCardBack: photo, consented: true)
    }
}
