import CardDomain
import Glibc
import Journal
import SystemPackage

/// One person's changes as the journal holds them, oldest first: their record loaded or
/// changed by an import (which fields), their own account (注册, a new password, 停用), and
/// their applications (submitted, confirmed, each change of status), each with who and when.
/// Read from the journal itself, like `AccountHistory`: the records the index's history table
/// names for the person and their applications, and those after it (`HistoryReading`); a
/// record that does not name the person's number or one of their applications is skipped
/// before it is decoded.
public struct PersonHistory: Sendable {
    public typealias Entry = AccountHistory.Entry

    public let entries: [Entry]

    public init(documentNumber: String, data: DataDirectory) throws {
        var entries: [Entry] = []
        var previous: PersonRecord?
        var applications: [[UInt8]] = []
        let number = Array(documentNumber.utf8)
        let subjects: [(kind: HistoryKind, subject: String)] = [(.person, documentNumber), (.account, documentNumber)]
        try HistoryReading.read(data: data, subjects: subjects, more: { records in
            try Self.applications(in: records, of: documentNumber).map { (.application, $0) }
        }) { sequence, payload in
            guard Self.contains(payload, number) || applications.contains(where: { Self.contains(payload, $0) }) else { return }
            let envelope = try EventCodec.decode(payload)
            let what: String
            switch envelope.event {
            case .personRecorded(let person) where person.documentNumber == documentNumber:
                what = previous.map { "更新人员信息：" + Self.changedFields(from: $0, to: person).joined(separator: "、") } ?? "登记人员信息"
                previous = person
            case .accountRecorded(let account) where account.username == documentNumber:
                what = "登记账号"
            case .accountChanged(let change) where change.account.username == documentNumber:
                what = AccountHistory.describe(change)
            case .applicationSubmitted(let submitted) where submitted.personNumber == documentNumber:
                applications.append(Array(submitted.applicationID.utf8))
                what = "提交申请 \(submitted.applicationID)"
            case .employeeConfirmed(let confirmed) where confirmed.personNumber == documentNumber:
                if !applications.contains(Array(confirmed.applicationID.utf8)) { applications.append(Array(confirmed.applicationID.utf8)) }
                what = "确认个人信息 \(confirmed.applicationID)"
            case .applicationResubmitted(let resubmitted) where applications.contains(Array(resubmitted.applicationID.utf8)):
                what = "重新提交 \(resubmitted.applicationID)"
            case .statusChanged(let change) where applications.contains(Array(change.applicationID.utf8)):
                what = "\(change.applicationID) \(change.from.rawValue) → \(change.to.rawValue)" + (change.reason.map { "（\(TerminalText.escaped($0))）" } ?? "")
            default:
                return
            }
            entries.append(Entry(sequence: sequence, at: envelope.at, actor: envelope.actor, what: what))
        }
        self.entries = entries
    }

    /// The applications the person submitted or confirmed in `records`.
    static func applications(in records: [JournalRecord], of documentNumber: String) throws -> [String] {
        var found: [String] = []
        for record in records where record.type == EventCodec.eventRecordType {
            switch try record.payload.withUnsafeBytes(EventCodec.decode).event {
            case .applicationSubmitted(let submitted) where submitted.personNumber == documentNumber:
                found.append(submitted.applicationID)
            case .employeeConfirmed(let confirmed) where confirmed.personNumber == documentNumber:
                found.append(confirmed.applicationID)
            default:
                continue
            }
        }
        return found
    }

    /// The fields an import changed, by their labels; "无变化" for a record loaded again as it was.
    static func changedFields(from old: PersonRecord, to new: PersonRecord) -> [String] {
        var changed: [String] = []
        func note(_ label: String, _ differs: Bool) { if differs { changed.append(label) } }
        note("姓名", old.name != new.name)
        note("性别", old.sex != new.sex)
        note("出生日期", old.birthDate != new.birthDate)
        note("民族", old.ethnicGroup != new.ethnicGroup)
        note("国籍", old.nationality != new.nationality)
        note("证件有效期", old.validityStart != new.validityStart)
        note("常住地址", old.residenceAddress != new.residenceAddress || old.residenceDistrict != new.residenceDistrict)
        note("卡预留手机号", old.mobile != new.mobile)
        note("参保状态", old.status != new.status)
        note("参保单位", old.unitNumber != new.unitNumber)
        note("养老金代发行", old.pensionBank != new.pensionBank || old.pensionBranch != new.pensionBranch)
        note("已持三代卡", old.holdsThirdGenerationCard != new.holdsThirdGenerationCard)
        note("死亡标记", old.deceased != new.deceased)
        return changed.isEmpty ? ["无变化"] : changed
    }

    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            // memchr finds candidates at C speed; most records do not hold the first byte's run.
            guard let hit = memchr(haystack.baseAddress! + start, Int32(first), haystack.count - needle.count - start + 1) else { return false }
            let offset = haystack.baseAddress!.distance(to: UnsafeRawPointer(hit))
            if memcmp(haystack.baseAddress! + offset, needle, needle.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }
}
