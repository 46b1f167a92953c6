import CLMDB
import CardDomain
import Foundation

extension SharedIndex {
    /// How the index differs from `expected`, a replay of the journal to the index's
    /// position held in memory: every person, and every name, unit and mobile entry.
    /// Document numbers are masked in what is said.
    func differences(from expected: PersonDirectory) throws -> [String] {
        let tables = environment.tables
        let persons = expected.changes
        var found: [String] = []
        try environment.read { transaction in
            let counts = (persons: try transaction.count(tables.persons), names: try transaction.count(tables.names),
                          units: try transaction.count(tables.units), mobiles: try transaction.count(tables.mobiles))
            if counts.persons != persons.count { found.append("index holds \(counts.persons) persons, the journal \(persons.count)") }
            if counts.names != persons.count { found.append("name index holds \(counts.names) entries for \(persons.count) persons") }
            // Counted and walked without copying a million records (a sort of the pairs,
            // or a filter, would copy each one).
            let withUnit = persons.values.count { $0.unitNumber != nil }
            if counts.units != withUnit { found.append("unit index holds \(counts.units) entries for \(withUnit) persons with a unit") }
            let mobiles = Set(persons.values.compactMap(\.mobile)).filter { expected.documentNumber(ofMobile: $0) != nil }
            if counts.mobiles != mobiles.count { found.append("mobile index holds \(counts.mobiles) entries, the journal \(mobiles.count)") }
            var members: [String: Int] = [:]
            for person in persons.values { if let unit = person.unitNumber { members[unit, default: 0] += 1 } }
            let counted = try ListingCount.stored("members", in: transaction, tables.meta)
            for unit in Set(members.keys).union(counted.keys).sorted() where members[unit] != counted[unit] && found.count < 20 {
                found.append("unit \(unit): the index counts \(counted[unit] ?? 0) members, the journal \(members[unit] ?? 0)")
            }
            for number in persons.keys.sorted() where found.count < 20 {
                guard let person = persons[number] else { continue }
                let masked = PrivacyMask.identityNumber(number)
                let stored = try transaction.get(tables.persons, Array(number.utf8))
                    .flatMap(PersonRecordCodec.decode)
                if stored != person { found.append("person \(masked): the index \(stored == nil ? "lacks it" : "holds another record")") }
                if try transaction.get(tables.names, Self.compositeKey(person.name, number)) == nil {
                    found.append("person \(masked): not in the name index")
                }
                if let unit = person.unitNumber, try transaction.get(tables.units, Self.compositeKey(unit, number)) == nil {
                    found.append("person \(masked): not in the unit index of \(unit)")
                }
            }
            for mobile in mobiles.sorted() where found.count < 20 {
                let stored = try transaction.get(tables.mobiles, Array(mobile.utf8)).map { String(decoding: $0, as: UTF8.self) }
                if stored != expected.documentNumber(ofMobile: mobile) {
                    found.append("mobile \(PrivacyMask.phoneNumber(mobile)): the index names another person")
                }
            }
        }
        return found
    }
}
