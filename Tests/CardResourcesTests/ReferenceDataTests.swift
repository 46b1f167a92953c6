import CardDomain
import CardResources
import Testing

@Suite struct ReferenceDataTests {
    @Test func sixteenDistrictsWithBeijingCodesAndPostalCodes() throws {
        let districts = try CardResources.districts()
        #expect(districts.count == 16)
        #expect(Set(districts.map(\.code)).count == 16)
        #expect(districts.allSatisfy { $0.code.hasPrefix("11") && $0.code.count == 6 })
        #expect(districts.allSatisfy { (try? PostalCode.parse($0.postalCodeExample).get()) != nil })
        #expect(districts.first { $0.code == "110105" }?.name == "朝阳区")
        // Historical codes stay valid in ID numbers but are not offered as 常住地所在区.
        #expect(!districts.contains { $0.code == "110103" })
    }

    @Test func fiftySixEthnicGroupsNumberedOneToFiftySix() throws {
        let groups = try CardResources.ethnicGroups()
        #expect(groups.map(\.code) == (1...56).map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(groups.first?.name == "汉族")
        #expect(groups.first { $0.code == "46" }?.name == "德昂族")
        #expect(Set(groups.map(\.letterCode)).count == 56)
    }

    @Test func fifteenCooperatingBanksIncludeTheDemoPensionBanks() throws {
        let banks = try CardResources.banks()
        #expect(banks.count == 15)
        let names = Set(banks.map(\.name))
        #expect(names.isSuperset(of: ["中国工商银行", "北京银行", "中国建设银行"]))
        #expect(banks.first { $0.name == "北京农村商业银行" }?.shortName == "北京农商银行")
    }
}
