/// The demo data set of DEMO-DATA.md as values (Resources/Data/demo.json). Accounts carry
/// no hash here: the seed hashes the shared demo password with a fresh salt per account.
public struct DemoDataSet: Codable, Sendable {
    public struct Account: Codable, Sendable {
        public var username: String
        public var role: Role
        public var displayName: String
        public var unitNumber: String?
        public var workplace: String?
    }

    public var password: String
    public var units: [UnitRecord]
    public var persons: [PersonRecord]
    public var accounts: [Account]
}
