import CardDomain

/// Generated persons as the master-data CSV that `sscard records import` reads.
enum GeneratedCSV {
    static let header = PersonColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"

    static func line(_ person: PersonRecord, reference: ReferenceData) -> String {
        let fields = [person.name, "居民身份证", person.documentNumber, person.sex.label, person.birthDate.description,
                      "汉族", "中国", person.validityStart.description, person.residenceAddress,
                      reference.district(person.residenceDistrict)!.name, person.mobile ?? "", person.status.rawValue,
                      person.unitNumber ?? "", person.pensionBank ?? "", person.pensionBranch ?? ""]
        return fields.map(CSVTable.quote).joined(separator: ",") + "\n"
    }

    /// `rows` generated people (`GeneratedPeople`, employed at `units` or retired) as one file.
    static func file(rows: Int, units: [String], reference: ReferenceData) -> String {
        let people = GeneratedPeople(reference: reference)
        var text = header
        for index in 0..<rows { text += line(people.person(index, units: units), reference: reference) }
        return text
    }
}
