import CardDomain

/// 职工申请情况 as CSV (U3's export, `sscard unit report`): the unit's employees under a
/// status filter, with masked ID numbers unless whole ones were asked for (and recorded).
/// Cells that a spreadsheet would run as a formula are written as text.
public enum UnitReport {
    public static let header = ["姓名", "证件号码", "办卡状态", "领卡方式", "确认时间", "办事编号"]

    /// The CSV text, with a byte-order mark so that spreadsheets read it as UTF-8, and the
    /// number of employees in it.
    public static func csv(unit: String, state: CardState, reference: ReferenceData, status: ApplicationStatus?,
                           query: String = "", wholeIDNumbers: Bool = false) -> (text: String, count: Int) {
        let rows = UnitEmployeeList(unit: unit, state: state).filtered(status: status, query: query)
        var lines = [header.map(CSVTable.spreadsheetCell).joined(separator: ",")]
        for row in rows {
            let pickup = row.application.flatMap { application in
                reference.channel(application.channel)?.pickupLabel(application.pickupMethod, kind: .unit)
            } ?? ""
            let cells = [row.person.name,
                         wholeIDNumbers ? row.person.documentNumber : PrivacyMask.identityNumber(row.person.documentNumber),
                         row.status.rawValue, pickup, row.confirmedAt.map { BeijingTime.dateTime(microseconds: $0) } ?? "",
                         row.application?.id ?? ""]
            lines.append(cells.map(CSVTable.spreadsheetCell).joined(separator: ","))
        }
        return ("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n", rows.count)
    }
}
