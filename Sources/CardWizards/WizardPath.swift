/// A wizard's steps as data: each step has a title and may be hidden by a condition on
/// the answers so far (as huh hides groups). Moving on and back skips hidden steps, and
/// the step line counts only the steps this applicant will see.
public struct WizardPath<Answers>: Sendable {
    public struct Step: Sendable {
        public let id: String
        public let title: String
        let isShown: @Sendable (Answers) -> Bool

        public init(id: String, title: String, shownWhen isShown: @escaping @Sendable (Answers) -> Bool = { _ in true }) {
            self.id = id
            self.title = title
            self.isShown = isShown
        }
    }

    public let steps: [Step]

    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// The steps shown for these answers, in order.
    public func visibleSteps(for answers: Answers) -> [Step] {
        steps.filter { $0.isShown(answers) }
    }

    /// The first visible step after `id`, or nil when `id` is the last.
    public func step(after id: String, answers: Answers) -> Step? {
        guard let index = steps.firstIndex(where: { $0.id == id }) else { return nil }
        return steps[(index + 1)...].first { $0.isShown(answers) }
    }

    /// The last visible step before `id`, or nil when `id` is the first.
    public func step(before id: String, answers: Answers) -> Step? {
        guard let index = steps.firstIndex(where: { $0.id == id }) else { return nil }
        return steps[..<index].last { $0.isShown(answers) }
    }

    /// "第 2 步 / 共 6 步：基本信息", counting visible steps only.
    public func stepLine(at id: String, answers: Answers) -> String? {
        let visible = visibleSteps(for: answers)
        guard let index = visible.firstIndex(where: { $0.id == id }) else { return nil }
        return "第 \(index + 1) 步 / 共 \(visible.count) 步：\(visible[index].title)"
    }
}
