/// Spacing of a form: the normal layout for clerks, and a roomier one for the
/// elder-friendly mode (长者版): a blank row between fields and wider labels.
public struct FormLayout: Equatable, Sendable {
    public var labelWidth: Int
    /// Rows from one field to the next: 1 packs them, 2 leaves a blank row.
    public var rowGap: Int
    public var prominentHeadings: Bool

    public init(labelWidth: Int = 14, rowGap: Int = 1, prominentHeadings: Bool = false) {
        self.labelWidth = labelWidth
        self.rowGap = rowGap
        self.prominentHeadings = prominentHeadings
    }

    public static let standard = FormLayout()
    public static let elder = FormLayout(labelWidth: 16, rowGap: 2, prominentHeadings: true)
}
