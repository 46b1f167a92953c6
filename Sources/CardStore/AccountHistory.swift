import CardDomain
import Journal
import SystemPackage

/// One account's changes as the journal holds them, oldest first: who made each, when, and
/// what (账号管理's 变更记录, `sscard accounts history`). Read from the journal itself, so
/// it is the record, not a copy of it: the records the index's history table names, and
/// those after it (`HistoryReading`); only account events are decoded.
public struct AccountHistory: Sendable {
    public struct Entry: Equatable, Sendable {
        public var sequence: UInt64
        public var at: Int64
        public var actor: String
        /// 创建账号（窗口经办，中国工商银行北京朝阳支行）, 停用, …
        public var what: String
    }

    public let entries: [Entry]

    public init(username: String, data: DataDirectory) throws {
        var entries: [Entry] = []
        try HistoryReading.read(data: data, subjects: [(.account, username)]) { sequence, payload in
            let kind = try EventCodec.kind(payload)
            guard kind == "accountRecorded" || kind == "accountChanged" else { return }
            let envelope = try EventCodec.decode(payload)
            let what: String
            switch envelope.event {
            case .accountRecorded(let account) where account.username == username:
                what = "登记账号（\(account.role.rawValue)）"
            case .accountChanged(let change) where change.account.username == username:
                what = Self.describe(change)
            default:
                return
            }
            entries.append(Entry(sequence: sequence, at: envelope.at, actor: envelope.actor, what: what))
        }
        self.entries = entries
    }

    static func describe(_ change: AccountChange) -> String {
        guard change.kind == .roleChanged || change.kind == .created else { return change.kind.rawValue }
        let place = (change.account.workplace ?? change.account.unitNumber).map { "，" + TerminalText.escaped($0) } ?? ""
        return "\(change.kind.rawValue)（\(change.account.role.rawValue)\(place)）"
    }
}
