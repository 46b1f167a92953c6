/// One employee ticked in 职工申请信息提交: their application, and the time of the
/// confirmation the operator's list showed (D16: a later change is not submitted unseen).
public struct SubmissionItem: Codable, Equatable, Hashable, Sendable {
    public var applicationID: String
    /// The latest 信息已确认 entry's time (µs) as drawn.
    public var confirmedAt: Int64

    public init(applicationID: String, confirmedAt: Int64) {
        self.applicationID = applicationID
        self.confirmedAt = confirmedAt
    }
}
