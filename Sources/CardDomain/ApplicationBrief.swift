/// What a list row shows of an application, without its form and timeline: the unit's
/// employee lists and the back office's queue read tens of thousands of these, so the
/// shared index keeps one beside each status and unit entry.
public struct ApplicationBrief: Equatable, Sendable {
    public var id: String
    public var personNumber: String
    public var unitNumber: String?
    public var kind: Application.Kind
    public var channel: Channel
    public var status: ApplicationStatus
    public var pickupMethod: PickupMethod?
    /// The latest confirmation's time (D14), what a unit's submission is checked against (D16).
    public var confirmedAt: Int64?
    /// When the application last moved.
    public var latestAt: Int64?

    public init(_ application: Application) {
        id = application.id
        personNumber = application.personNumber
        unitNumber = application.unitNumber
        kind = application.kind
        channel = application.channel
        status = application.status
        pickupMethod = application.form.pickupMethod
        confirmedAt = CardState.confirmedAt(application)
        latestAt = application.timeline.last?.at
    }

    public init(id: String, personNumber: String, unitNumber: String?, kind: Application.Kind, channel: Channel,
                status: ApplicationStatus, pickupMethod: PickupMethod?, confirmedAt: Int64?, latestAt: Int64?) {
        self.id = id
        self.personNumber = personNumber
        self.unitNumber = unitNumber
        self.kind = kind
        self.channel = channel
        self.status = status
        self.pickupMethod = pickupMethod
        self.confirmedAt = confirmedAt
        self.latestAt = latestAt
    }
}
