import CardDomain
import Testing

/// 证件类型 and their number rules (DOMAIN.md B.8), from the shipped list.
@Suite struct DocumentTypeTests {
    static func type(_ name: String) -> DocumentType { DomainFixture.reference.documentType(name)! }

    @Test func residentIDUsesGB11643AndNormalises() throws {
        #expect(try Self.type("居民身份证").parseNumber(" 11010519491231002x ").get() == "11010519491231002X")
        #expect((try? Self.type("居民身份证").parseNumber("110105194912310021").get()) == nil)
    }

    @Test func residencePermitsUseTheIDFormatWithTheirOwnAddressCodes() throws {
        let permit = Self.type("港澳台居民居住证")
        var digits = Array("81000019900101001")
        digits.append(ResidentIDNumber.checkCharacter(for: digits)!)
        #expect((try? permit.parseNumber(String(digits)).get()) == String(digits))
        #expect(permit.parseNumber("110105195609090137")
                == .failure(FieldProblem(field: "证件号码", message: "港澳台居民居住证号码应以 810000、820000 或 830000 开头")))
    }

    @Test func permanentResidenceCardsOfBothVersions() throws {
        let card = Self.type("外国人永久居留身份证")
        #expect((try? card.parseNumber("USA123456789012").get()) == "USA123456789012")
        var digits = Array("91234567890123456")
        digits.append(ResidentIDNumber.checkCharacter(for: digits)!)
        #expect((try? card.parseNumber(String(digits)).get()) != nil)
        #expect((try? card.parseNumber("812345678901234567").get()) == nil)
    }

    @Test func travelPermitsAndPassportsFollowTheirPatterns() throws {
        #expect((try? Self.type("港澳居民来往内地通行证").parseNumber("h12345678").get()) == "H12345678")
        #expect((try? Self.type("台湾居民来往大陆通行证").parseNumber("12345678").get()) != nil)
        #expect((try? Self.type("中国护照").parseNumber("EA1234567").get()) != nil)
        #expect(Self.type("中国护照").parseNumber("G1234567")
                == .failure(FieldProblem(field: "证件号码", message: "中国护照号码格式不对，例如 E12345678")))
    }
}
