import CardDomain
import Foundation
import Testing

/// A status's application ids stay in order however they arrive, once each.
@Suite struct SortedIDsTests {
    @Test func idsStayInOrderOnceEachAndComeBackSortedFromJSON() throws {
        var ids = SortedIDs()
        for id in ["B3", "A1", "C9", "B3", "A0", "C10"] { ids.insert(id) }
        #expect(Array(ids) == ["A0", "A1", "B3", "C10", "C9"])
        ids.remove("B3")
        ids.remove("Z")
        #expect(Array(ids) == ["A0", "A1", "C10", "C9"])
        #expect(ids.contains("A1") && !ids.contains("B3"))
        let decoded = try JSONDecoder().decode(SortedIDs.self, from: Data(#"["C9","A1","A1","A0"]"#.utf8))
        #expect(Array(decoded) == ["A0", "A1", "C9"])
        #expect(try JSONDecoder().decode(SortedIDs.self, from: JSONEncoder().encode(ids)) == ids)
    }
}
