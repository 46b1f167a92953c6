/// The outcome of checking a photo: what was read of it, and every problem found.
public struct PhotoCheck: Equatable, Sendable {
    public var header: ImageHeader?
    public var problems: [FieldProblem]

    public var isAccepted: Bool { header != nil && problems.isEmpty }
}
