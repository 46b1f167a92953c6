import ArgumentParser
import CardApp
import CardResources
import CardStore
import Foundation

/// Opens the data directory for a command or the app, telling the person at the terminal
/// what a start had to do: a damaged or unusable index moved aside and rebuilt (with a
/// progress bar), an index a full disk keeps behind, a directory others can write (refused).
enum OpenedRepository {
    static func open(_ data: DataDirectoryOptions) throws -> CardRepository {
        var standardError = StandardError()
        var bar: ProgressBar?
        let repository: CardRepository
        do {
            repository = try CardRepository(data: data.data, reference: try CardResources.referenceData(),
                                            indexProgress: { reached, last in
                if bar == nil {
                    print("sscard: 正在从日志更新本机索引……", to: &standardError)
                    bar = ProgressBar(total: Int(last), label: "重建索引")
                }
                bar?.update(Int(reached))
            })
        } catch let refusal as PathSafety.Refusal {
            print("sscard: \(refusal)", to: &standardError)
            print("sscard: 为防止他人篡改办卡记录，程序没有启动，也没有改动任何数据。", to: &standardError)
            throw ExitCode(1)
        }
        bar?.finish()
        if let repair = repository.indexRepair { report(repair) }
        if let problem = repository.indexProblem {
            print("sscard: 注意：\(AppModel.indexBehindNotice)（\(problem)）。", to: &standardError)
        }
        return repository
    }

    static func report(_ repair: SharedIndex.Repair) {
        var standardError = StandardError()
        let aside = repair.movedTo.map { "，原索引已移到 \($0)" } ?? ""
        print("sscard: 本机索引已损坏（\(repair.reason)）\(aside)；已从日志重建到第 \(repair.position) 条记录。", to: &standardError)
    }

    /// Runs `body`; when a read in it found the index damaged, repairs the index and runs
    /// it again, so what it produced from the damaged index is never used.
    static func repairingIndex<T>(_ repository: CardRepository, _ body: () throws -> T) throws -> T {
        let first = try body()
        guard repository.indexDamage != nil else { return first }
        var standardError = StandardError()
        print("sscard: 读取本机索引时发现损坏，正在从日志重建……", to: &standardError)
        let bar = ProgressBar(total: Int(repository.sequence), label: "重建索引")
        let repair = try repository.repairIndex { reached, _ in bar.update(Int(reached)) }
        bar.finish()
        report(repair)
        return try body()
    }
}
