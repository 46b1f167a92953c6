import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Unix-socket proxy in front of a PostgreSQL server that can cut a connection right
/// after the server committed: when armed, the first answer from the server that holds
/// `marker` (a result column's name) is dropped and both sides are closed. The client then
/// does not know whether its statement was done: the case an append must look up by its
/// record id.
public final class CuttingProxy: @unchecked Sendable {
    /// The folder of the proxy's socket, for a URL's host= (the port is the server's).
    public let folder: String
    private let target: String
    private let listener: Int32
    private let armed = NSLock()
    private var marker: [UInt8]?
    public private(set) var cuts = 0

    public init(server folder: String, port: Int) throws {
        target = "\(folder)/.s.PGSQL.\(port)"
        self.folder = try TemporaryFolder.make("sscard-proxy")
        listener = try Self.socket(bindingTo: "\(self.folder)/.s.PGSQL.\(port)")
        Thread { [self] in accepting() }.start()
    }

    /// Cuts the next connection whose server answer holds `marker`.
    public func cutAfterAnswer(holding marker: String) { armed.withLock { self.marker = Array(marker.utf8) } }

    private func accepting() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            guard let server = try? Self.socket(connectingTo: target) else { close(client); continue }
            Thread { [self] in forward(client, server) }.start()
        }
    }

    private func forward(_ client: Int32, _ server: Int32) {
        defer { close(client); close(server) }
        var descriptors = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while poll(&descriptors, 2, -1) > 0 {
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                let count = read(descriptor.fd, &buffer, buffer.count)
                guard count > 0 else { return }
                let chunk = Array(buffer[0..<count])
                if index == 1, shouldCut(chunk) { return }
                let other = index == 0 ? server : client
                guard chunk.withUnsafeBytes({ write(other, $0.baseAddress, count) }) == count else { return }
            }
        }
    }

    private func shouldCut(_ chunk: [UInt8]) -> Bool {
        armed.withLock {
            guard let marker, chunk.count >= marker.count,
                  (0...(chunk.count - marker.count)).contains(where: { chunk[$0..<($0 + marker.count)].elementsEqual(marker) }) else { return false }
            self.marker = nil
            cuts += 1
            return true
        }
    }

    private static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            for (index, byte) in path.utf8.prefix(bytes.count - 1).enumerated() { bytes[index] = byte }
        }
        return address
    }

    private static func socket(bindingTo path: String) throws -> Int32 {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = address(path)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }

    private static func socket(connectingTo path: String) throws -> Int32 {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = address(path)
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard connected == 0 else { close(descriptor); throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
        return descriptor
    }
}
