@testable import CardStore
import Testing

/// `concurrentMap` is `map` on every core: the same results in the same order, and the
/// first error in order is the one thrown.
@Suite struct ConcurrentMapTests {
    struct Odd: Error, Equatable { var value: Int }

    @Test func resultsKeepTheirOrderAndSmallArraysAreMappedInPlace() throws {
        let numbers = Array(0..<10_007)
        #expect(try numbers.concurrentMap { $0 * 3 } == numbers.map { $0 * 3 })
        #expect(try [5, 6].concurrentMap { $0 + 1 } == [6, 7])
        #expect(try [Int]().concurrentMap { $0 } == [])
    }

    @Test func theFirstErrorInOrderIsThrown() {
        #expect(throws: Odd(value: 4_001)) {
            try Array(0..<10_000).concurrentMap { value -> Int in
                if value > 4_000, value % 2 == 1 { throw Odd(value: value) }
                return value
            }
        }
    }
}
