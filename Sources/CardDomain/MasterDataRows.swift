/// A master-data file's rows read into the commands that record them (persons, units):
/// what `RecordsImporter` needs of each kind of file.
public protocol MasterDataRows: Sendable {
    /// The column whose value may appear only once in a file (证件号码, 单位编号).
    var keyField: String { get }
    /// The row's key and the command that records it, or every problem with the row.
    func command(for fields: [String]) -> Result<(key: String, command: Command), RowProblems>
}

extension PersonRowReader: MasterDataRows {
    public var keyField: String { PersonColumn.documentNumber.rawValue }

    public func command(for fields: [String]) -> Result<(key: String, command: Command), RowProblems> {
        read(fields).map { ($0.documentNumber, .recordPerson($0)) }
    }
}
