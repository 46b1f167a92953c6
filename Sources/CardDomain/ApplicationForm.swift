/// What an applicant (or the clerk for them) has entered so far. Every field is optional
/// because drafts are saved after each step (issue 5); submission requires the ones the
/// channel's steps ask for.
public struct ApplicationForm: Codable, Equatable, Sendable {
    public var validityStart: CalendarDate?
    public var ethnicGroup: String?
    public var occupation: String?
    public var residenceDistrict: String?
    public var residenceAddress: String?
    public var mobile: String?
    public var bank: String?
    public var branch: String?
    public var pickupMethod: PickupMethod?
    public var mailing: MailingDetails?
    public var cardPhoto: PhotoReference?
    public var idCardFront: PhotoReference?
    public var idCardBack: PhotoReference?
    /// The final consent (我已阅读并同意 or the channel's wording) was ticked.
    public var consented: Bool

    public init(validityStart: CalendarDate? = nil, ethnicGroup: String? = nil, occupation: String? = nil,
                residenceDistrict: String? = nil, residenceAddress: String? = nil, mobile: String? = nil,
                bank: String? = nil, branch: String? = nil, pickupMethod: PickupMethod? = nil,
                mailing: MailingDetails? = nil, cardPhoto: PhotoReference? = nil, idCardFront: PhotoReference? = nil,
                idCardBack: PhotoReference? = nil, consented: Bool = false) {
        self.validityStart = validityStart
        self.ethnicGroup = ethnicGroup
        self.occupation = occupation
        self.residenceDistrict = residenceDistrict
        self.residenceAddress = residenceAddress
        self.mobile = mobile
        self.bank = bank
        self.branch = branch
        self.pickupMethod = pickupMethod
        self.mailing = mailing
        self.cardPhoto = cardPhoto
        self.idCardFront = idCardFront
        self.idCardBack = idCardBack
        self.consented = consented
    }
}
