#if canImport(Glibc)
import Glibc
#endif
import CardDomain
import CardStore
import SystemPackage

/// The import's rejection report: it names rows of personal data, so it is created 0600,
/// never through a symbolic link, and an existing file is replaced only when asked.
struct ReportFile {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    let descriptor: FileDescriptor

    static func create(_ path: String, overwrite: Bool) throws -> ReportFile {
        let shown = TerminalText.escaped(path)
        var options: FileDescriptor.OpenOptions = [.create, .noFollow, .closeOnExec]
        options.insert(overwrite ? .truncate : .exclusiveCreate)
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: options, permissions: [.ownerReadWrite])
            // An existing file keeps its mode through O_TRUNC: make it private as well.
            guard fchmod(descriptor.rawValue, 0o600) == 0 else {
                try? descriptor.close()
                throw Problem(description: "无法把报告文件 \(shown) 设为仅本人可读")
            }
            return ReportFile(path: path, descriptor: descriptor)
        } catch Errno.fileExists {
            throw Problem(description: "报告文件 \(shown) 已存在；换一个文件名，或加 --force 覆盖它")
        } catch Errno.noSuchFileOrDirectory {
            throw Problem(description: "报告文件 \(shown) 所在的文件夹不存在；没有导入任何行")
        } catch Errno.tooManySymbolicLinkLevels {
            throw Problem(description: "报告文件 \(shown) 是一个符号链接；为防止覆盖别处的文件，拒绝写入")
        } catch let errno as Errno {
            throw Problem(description: "无法创建报告文件 \(shown)：\(errno)；没有导入任何行")
        }
    }

    func write(_ rejections: [RecordsImporter.Rejection]) throws {
        var text = "line,field,reason\n"
        for rejection in rejections {
            text += "\(rejection.line),\(CSVTable.quote(TerminalText.escaped(rejection.field))),"
                + "\(CSVTable.quote(TerminalText.escaped(rejection.reason)))\n"
        }
        _ = try descriptor.writeAll(Array(text.utf8))
        guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    func close() { try? descriptor.close() }
}
