#if canImport(Glibc)
import Glibc
#endif
import CardDomain
import SystemPackage

/// A file of personal data written for someone (an import's report, a unit's list): created
/// 0600, never through a symbolic link, an existing file replaced only when asked, and
/// synced before it is said to be written.
public struct PrivateFile {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String
    let descriptor: FileDescriptor

    /// `what` names the file in messages ("报告文件"), `howToOverwrite` says how to replace
    /// one that exists ("加 --force "), `otherwise` what did not happen.
    public static func create(_ path: String, overwrite: Bool, what: String, howToOverwrite: String = "",
                              otherwise: String = "") throws -> PrivateFile {
        let shown = TerminalText.escaped(path)
        // Only a regular file is ever written: a device (/dev/full), a FIFO or a socket is
        // refused by name before anything is opened or changed (and a FIFO would block).
        if case .special = RegularFile.kind(of: path) {
            throw Problem(description: "\(what) \(shown) 不是普通文件（设备、管道或套接字），拒绝写入；请换一个文件名")
        }
        var options: FileDescriptor.OpenOptions = [.create, .noFollow, .closeOnExec, .nonBlocking]
        options.insert(overwrite ? .truncate : .exclusiveCreate)
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: options, permissions: [.ownerReadWrite])
            // Checked again on what was opened: it may have been swapped since the look above.
            var status = stat()
            guard fstat(descriptor.rawValue, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                try? descriptor.close()
                throw Problem(description: "\(what) \(shown) 不是普通文件（设备、管道或套接字），拒绝写入；请换一个文件名")
            }
            // An existing file keeps its mode through O_TRUNC: make it private as well.
            guard fchmod(descriptor.rawValue, 0o600) == 0 else {
                try? descriptor.close()
                throw Problem(description: "无法把\(what) \(shown) 设为仅本人可读")
            }
            return PrivateFile(path: path, descriptor: descriptor)
        } catch Errno.fileExists {
            throw Problem(description: "\(what) \(shown) 已存在；换一个文件名，或\(howToOverwrite)覆盖它")
        } catch Errno.noSuchFileOrDirectory {
            throw Problem(description: "\(what) \(shown) 所在的文件夹不存在" + otherwise)
        } catch Errno.tooManySymbolicLinkLevels {
            throw Problem(description: "\(what) \(shown) 是一个符号链接；为防止覆盖别处的文件，拒绝写入")
        } catch Errno.noSuchAddressOrDevice {
            throw Problem(description: "\(what) \(shown) 不是普通文件（设备、管道或套接字），拒绝写入；请换一个文件名")
        } catch let errno as Errno {
            throw Problem(description: "无法创建\(what) \(shown)：\(errno)" + otherwise)
        }
    }

    /// Writes all of `text` and syncs it.
    public func write(_ text: String) throws {
        _ = try descriptor.writeAll(Array(text.utf8))
        guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    public func close() { try? descriptor.close() }
}
