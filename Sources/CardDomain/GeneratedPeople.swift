/// Made-up but valid people for scale tests (`sscard demo seed --persons N`). The same
/// index always gives the same person, so seeding again adds nothing new.
public struct GeneratedPeople: Sendable {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国德文红玉兰春梅海燕志鹏飞宇浩然欣怡子轩雨萱")
    static let streets = ["和平里", "安贞里", "劲松", "双井", "望京", "亚运村", "方庄", "马家堡", "鲁谷", "苹果园", "回龙观", "天通苑"]

    let reference: ReferenceData

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// Person number `index` (0-based): employed at one of `units`, or retired with a pension bank.
    public func person(_ index: Int, units: [String]) -> PersonRecord {
        var random = SplitMix(seed: UInt64(index) &+ 0x5EED)
        let district = reference.districts[Int(random.next() % UInt64(reference.districts.count))]
        let retired = units.isEmpty || index % 3 == 0
        // The birth date and sequence code come from the index, so numbers never repeat
        // (for the first 4 million people).
        let day = index / 500
        let year = (retired ? 1940 : 1966) + (day / 336) % 25
        let birth = CalendarDate(year: year, month: 1 + (day / 28) % 12, day: 1 + day % 28)!
        let sex: Sex = random.next() % 2 == 0 ? .male : .female
        let sequence = (index % 500) * 2 + (sex == .male ? 1 : 0)
        let sequenceCode = sequence.zeroPadded(3)
        var characters = Array(district.code + birth.description.filter(\.isASCIIDigit) + sequenceCode)
        characters.append(ResidentIDNumber.checkCharacter(for: characters)!)
        let name = String(Self.surnames[Int(random.next() % UInt64(Self.surnames.count))])
            + String(Self.givenNames[Int(random.next() % UInt64(Self.givenNames.count))])
            + (random.next() % 2 == 0 ? String(Self.givenNames[Int(random.next() % UInt64(Self.givenNames.count))]) : "")
        let ageAtStart = 18 + Int(random.next() % 30)
        let start = CalendarDate(year: min(year + ageAtStart, 2024), month: 3, day: 1 + Int(random.next() % 28))!
        let bank = reference.banks[Int(random.next() % UInt64(reference.banks.count))].name
        let street = Self.streets[Int(random.next() % UInt64(Self.streets.count))]
        let mobile = "137" + (index % 100_000_000).zeroPadded(8)
        return PersonRecord(
            name: name, documentNumber: String(characters), sex: sex, birthDate: birth, ethnicGroup: "01",
            validityStart: start, residenceAddress: "北京市\(district.name)\(street)\(1 + index % 40)号楼\(1 + index % 6)单元\(101 + index % 20)",
            residenceDistrict: district.code, mobile: mobile, status: retired ? .retired : .employed,
            unitNumber: retired ? nil : units[index % units.count],
            pensionBank: retired ? bank : nil,
            pensionBranch: retired ? reference.branches.first { $0.bank == bank && $0.district == district.code }?.name : nil)
    }
}
