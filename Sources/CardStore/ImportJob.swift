import CardDomain

/// A master-data import (persons or units) run a batch at a time, so a screen can show its
/// progress and stay responsive: `step` does batches until its deadline and returns. The
/// file is checked whole first (UTF-8, quotes, header), as `records import` checks it, and
/// a dry run's job is started again for real with `forReal()`.
public struct ImportJob {
    public enum Kind: String, Sendable {
        case persons = "人员"
        case units = "单位"
    }

    /// Why a file cannot be imported at all, in words for the screen.
    public struct Problem: Error, Equatable, Sendable { public let message: String }

    public let kind: Kind
    public let path: String
    public let dryRun: Bool
    public private(set) var summary = RecordsImporter.Summary()
    public private(set) var done = 0
    public private(set) var isFinished = false
    public var total: Int { summary.rows }

    private let bytes: [UInt8]
    private var rows: CSVRecordScanner
    private let reader: any MasterDataRows
    private let importer: RecordsImporter
    private var firstRows = FirstRowOfNumber()

    public init(path: String, kind: Kind, repository: CardRepository, actor: Actor, context: CommandContext, dryRun: Bool) throws(Problem) {
        let shown = TerminalText.escaped(path)
        guard case .success(let read) = RegularFile.read(path, limit: Int.max) else {
            throw Problem(message: "无法读取文件 \(shown)：请确认它是普通文件且有读取权限")
        }
        guard let table = CSVTable.survey(read.bytes) else { throw Problem(message: "\(shown) 不是 UTF-8 编码的文本，请另存为 UTF-8 CSV") }
        if let line = table.unclosedQuoteLine {
            throw Problem(message: "第 \(line) 行的引号没有闭合，其后直到文件末尾的内容都会成为一个字段。请检查该行的引号；没有导入任何行")
        }
        guard !table.header.isEmpty else { throw Problem(message: "\(shown) 是空文件，第 1 行应为表头") }
        do {
            switch kind {
            case .persons: reader = try PersonRowReader(header: table.header, reference: repository.reference, today: context.today)
            case .units: reader = try UnitRowReader(header: table.header, reference: repository.reference)
            }
        } catch {
            let columns = kind == .persons ? PersonColumn.allCases.map(\.rawValue) : UnitColumn.allCases.map(\.rawValue)
            throw Problem(message: "表头错误：\(error)。可用的列：" + columns.joined(separator: "、"))
        }
        self.kind = kind
        self.path = path
        self.dryRun = dryRun
        bytes = read.bytes
        rows = CSVRecordScanner(read.bytes[...])
        importer = RecordsImporter(repository: repository, actor: actor, context: context)
        summary.rows = table.rowCount
        // The header row.
        _ = try? rows.nextNonBlank()
    }

    /// The same file from its first row, recorded this time.
    public func forReal() -> ImportJob { ImportJob(copying: self) }

    private init(copying dry: ImportJob) {
        kind = dry.kind
        path = dry.path
        dryRun = false
        bytes = dry.bytes
        rows = CSVRecordScanner(dry.bytes[...])
        reader = dry.reader
        importer = dry.importer
        summary.rows = dry.summary.rows
        _ = try? rows.nextNonBlank()
    }

    /// Batches until `deadline` (one at least) or the end. A journal that fails stops the
    /// job with the summary saying exactly which rows were recorded.
    public mutating func step(until deadline: ContinuousClock.Instant) {
        repeat {
            var batch: [CSVTable.Row] = []
            do {
                while batch.count < RecordsImporter.batchSize, let row = try rows.nextNonBlank() { batch.append(row) }
            } catch {
                summary.interruption = "第 \(done + 2) 行附近不是 UTF-8 文本"
                isFinished = true
                return
            }
            guard !batch.isEmpty else { isFinished = true; return }
            do {
                guard try importer.importBatch(batch, reader: reader, dryRun: dryRun, firstRows: &firstRows, into: &summary) else {
                    isFinished = true
                    return
                }
            } catch {
                summary.interruption = "\(error)"
                isFinished = true
                return
            }
            done += batch.count
        } while ContinuousClock.now < deadline
    }
}
