import CardDomain

/// Imports persons or units from a master-data CSV (D11): every row checked, rejected rows
/// reported by line, good rows recorded in batches with one sync per batch. Importing the
/// same file again records nothing, since an unchanged person appends no event.
public struct RecordsImporter {
    public struct Rejection: Equatable, Sendable {
        public var line: Int
        public var field: String
        public var reason: String
    }

    public struct Summary: Equatable, Sendable {
        public var rows = 0
        public var recorded = 0
        public var unchanged = 0
        public var rejectedRows = 0
        public var rejections: [Rejection] = []
        /// Set when the journal failed part-way: rows up to `lastRecordedLine` are recorded
        /// (durably), the rest are not, and the error says why.
        public var interruption: String?
        public var lastRecordedLine: Int?
    }

    public static let batchSize = 1000

    let repository: CardRepository
    let actor: Actor
    let context: CommandContext

    public init(repository: CardRepository, actor: Actor, context: CommandContext) {
        self.repository = repository
        self.actor = actor
        self.context = context
    }

    /// Imports `table`. With `dryRun` every row is checked as for real, but nothing is appended.
    /// `progress` is told how many rows are done after each batch.
    public func run(_ table: CSVTable, dryRun: Bool = false,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> Summary {
        var start = 0
        return try run(header: table.header, rowCount: table.rows.count, dryRun: dryRun, progress: progress) { count in
            defer { start = min(table.rows.count, start + count) }
            return Array(table.rows[start..<min(table.rows.count, start + count)])
        }
    }

    /// Imports `rowCount` rows under `header`, which `nextRows` gives a batch at a time (an
    /// empty batch at the end), so that a large file is never held as rows all at once.
    public func run(header: [String], rowCount: Int, dryRun: Bool = false,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                    nextRows: (_ count: Int) throws -> [CSVTable.Row]) throws -> Summary {
        let reader = try PersonRowReader(header: header, reference: repository.reference, today: context.today)
        return try run(reader, rowCount: rowCount, dryRun: dryRun, progress: progress, nextRows: nextRows)
    }

    /// Imports `rowCount` rows that `reader` turns into commands (persons, units), a batch
    /// at a time. Within one file a key (证件号码, 单位编号) may appear once.
    public func run(_ reader: some MasterDataRows, rowCount: Int, dryRun: Bool = false,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                    nextRows: (_ count: Int) throws -> [CSVTable.Row]) throws -> Summary {
        var summary = Summary()
        summary.rows = rowCount
        var firstRows = FirstRowOfNumber()
        var done = 0
        while true {
            let rows = try nextRows(Self.batchSize)
            if rows.isEmpty { break }
            guard try importBatch(rows, reader: reader, dryRun: dryRun, firstRows: &firstRows, into: &summary) else { return summary }
            done += rows.count
            progress(done, rowCount)
        }
        return summary
    }

    /// One batch, recorded with one sync (or only checked, with `dryRun`), its outcome added
    /// to `summary`. False when the journal failed: earlier batches stay, this one was voided.
    func importBatch(_ rows: [CSVTable.Row], reader: some MasterDataRows, dryRun: Bool, firstRows: inout FirstRowOfNumber,
                     into summary: inout Summary) throws -> Bool {
        var commands: [Command] = []
        var commandLines: [Int] = []
        // Reading and checking a row is pure, and most of an import's time: every core does it.
        let read = try rows.concurrentMap { reader.command(for: $0.fields) }
        for (row, result) in zip(rows, read) {
            switch result {
            case .failure(let found):
                reject(row.line, found.problems, into: &summary)
            case .success(let (key, command)):
                if let first = firstRows.firstLine(of: key, otherwiseRemember: row.line) {
                    reject(row.line, [FieldProblem(field: reader.keyField, message: "与第 \(first) 行重复")], into: &summary)
                    continue
                }
                commands.append(command)
                commandLines.append(row.line)
            }
        }
        let outcomes: [Result<[DomainEvent], CommandRefusal>]
        do {
            outcomes = try repository.executeBatch(commands, by: actor, context: context, dryRun: dryRun)
        } catch {
            // Earlier batches were synced and stay; this one was voided. Say exactly that.
            summary.interruption = "\(error)"
            summary.rejections.removeAll { $0.line >= (rows.first?.line ?? 0) }
            summary.rejectedRows = Set(summary.rejections.map(\.line)).count
            return false
        }
        summary.lastRecordedLine = rows.last?.line
        for (line, outcome) in zip(commandLines, outcomes) {
            switch outcome {
            case .success(let events): if events.isEmpty { summary.unchanged += 1 } else { summary.recorded += 1 }
            case .failure(.invalid(let problems)): reject(line, problems, into: &summary)
            case .failure(let refusal): reject(line, [FieldProblem(field: "(行)", message: refusal.description)], into: &summary)
            }
        }
        return true
    }

    private func reject(_ line: Int, _ problems: [FieldProblem], into summary: inout Summary) {
        summary.rejectedRows += 1
        summary.rejections += problems.map { Rejection(line: line, field: $0.field, reason: $0.message) }
    }
}
