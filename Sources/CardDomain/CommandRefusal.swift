/// Why a command was not carried out, in words for the screen. Nothing was appended.
public enum CommandRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The actor may not do this (authorisation).
    case notAllowed(String)
    /// The input has problems; all of them, each naming its field.
    case invalid([FieldProblem])
    /// A rule refuses it (eligibility, status), with what to do next.
    case refused(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .notAllowed(let reason), .refused(let reason), .notFound(let reason): return reason
        case .invalid(let problems): return problems.map(\.description).joined(separator: "；")
        }
    }
}
