/// "第 2 步 / 共 6 步：基本信息", and the trail of steps with the current one in brackets:
/// "1 声明 > [2 基本信息] > 3 领卡方式". The trail is dropped when it does not fit.
public struct StepHeader: Equatable, Sendable {
    public var titles: [String]
    /// Zero-based index of the current step.
    public var current: Int

    public init(titles: [String], current: Int) {
        self.titles = titles
        self.current = current
    }

    public var heading: String {
        guard titles.indices.contains(current) else { return "" }
        return "第 \(current + 1) 步 / 共 \(titles.count) 步：\(titles[current])"
    }

    public var trail: String {
        titles.enumerated().map { index, title in
            index == current ? "[\(index + 1) \(title)]" : "\(index + 1) \(title)"
        }.joined(separator: " > ")
    }

    /// Draws the heading, and the trail below it when it fits; returns the rows used.
    @discardableResult
    public func draw(on canvas: inout Canvas, row: Int, column: Int = 1, prominent: Bool = false) -> Int {
        let heading = prominent ? "【\(self.heading)】" : self.heading
        canvas.write(heading, row: row, column: column, style: .title)
        guard DisplayWidth.columns(of: trail) <= canvas.width - column - 1 else { return 1 }
        canvas.write(trail, row: row + 1, column: column, style: .muted)
        return 2
    }
}
