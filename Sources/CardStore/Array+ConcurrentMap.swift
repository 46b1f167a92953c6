import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, in the original order, for pure work on large batches (event
    /// encoding, scrypt, generated people). Small arrays are mapped in place: handing a
    /// few elements to other threads costs more than it saves.
    public func concurrentMap<T: Sendable>(minimumPerThread: Int = 64,
                                           _ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let threads = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerThread))
        guard threads > 1 else { return try map(transform) }
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let chunk = (count + threads - 1) / threads
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in (thread * chunk)..<Swift.min(count, (thread + 1) * chunk) {
                    slots[index] = Result { try transform(self[index]) }
                }
            }
        }
        return try results.map { try $0!.get() }
    }
}
