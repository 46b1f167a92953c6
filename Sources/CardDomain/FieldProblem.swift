/// One thing wrong with one field, said for the person at the screen: the field's label
/// and how to fix it, in Chinese. A step collects all of them and shows them at once.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's label as the screen shows it, such as "证件号码".
    public var field: String
    /// What to do, such as "校验位不正确，请核对号码".
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field)：\(message)" }
}

extension Result where Failure == FieldProblem {
    /// A failed check of `field`, with what to do about it.
    static func problem(_ field: String, _ message: String) -> Result {
        .failure(FieldProblem(field: field, message: message))
    }
}

extension Array where Element == FieldProblem {
    /// Adds the problem of a failed check; a passed check adds nothing. A step runs all
    /// its checks this way and reports every problem at once.
    mutating func collect<T>(_ result: Result<T, FieldProblem>) {
        if case .failure(let problem) = result { append(problem) }
    }
}
