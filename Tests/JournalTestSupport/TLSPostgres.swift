import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server that takes connections only over TLS, on 127.0.0.1, with a
/// certificate for `localhost` from a test CA made with openssl; and a second CA that did
/// not sign it. For `sslmode=verify-full` in a site's URL.
public final class TLSPostgres: Sendable {
    public let folder: String
    public let port: Int

    public init() throws {
        let bin = try PostgresCommand.bin()
        folder = try PostgresCommand.folder("sscard-pg-tls")
        port = try Self.freePort()
        let openssl = ["/usr/bin/env", "openssl"]
        func run(_ arguments: [String]) throws { try PostgresCommand.run(arguments, scratch: folder) }
        try run(openssl + ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(folder)/ca.key", "-out", "\(folder)/ca.crt",
                           "-days", "2", "-subj", "/CN=sscard test CA"])
        try run(openssl + ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(folder)/other.key", "-out", "\(folder)/other.crt",
                           "-days", "2", "-subj", "/CN=another CA"])
        try run(openssl + ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(folder)/server.key", "-out", "\(folder)/server.csr",
                           "-subj", "/CN=localhost"])
        try "subjectAltName=DNS:localhost\n".write(toFile: "\(folder)/san.ext", atomically: true, encoding: .utf8)
        try run(openssl + ["x509", "-req", "-in", "\(folder)/server.csr", "-CA", "\(folder)/ca.crt", "-CAkey", "\(folder)/ca.key",
                           "-CAcreateserial", "-out", "\(folder)/server.crt", "-days", "2", "-extfile", "\(folder)/san.ext"])
        chmod("\(folder)/server.key", 0o600)
        try run([bin + "/initdb", "-D", folder + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--data-checksums", "--no-sync"])
        // TLS or nothing over TCP; the Unix socket stays for psql in the tests.
        try "hostssl all all 127.0.0.1/32 trust\nlocal all all trust\n".write(toFile: folder + "/data/pg_hba.conf", atomically: true, encoding: .utf8)
        try run([bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                 "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder) -c ssl=on -c ssl_cert_file=\(folder)/server.crt -c ssl_key_file=\(folder)/server.key",
                 "start"])
        PostgresCommand.stopAtExit(data: folder + "/data")
    }

    /// A URL over TCP to localhost with `sslmode` and, for verification, the CA file `trusting`.
    public func url(sslmode: String, trusting: String = "ca.crt") -> String {
        "postgresql://postgres@localhost:\(port)/postgres?sslmode=\(sslmode)&sslrootcert=\(folder)/\(trusting)"
    }

    /// Whether every other session on the server is encrypted, as psql over the socket sees them.
    public func clientSessionsUseTLS() throws -> String {
        try PostgresCommand.run([try PostgresCommand.bin() + "/psql", "-X", "-q", "-t", "-A", "-h", folder, "-p", "\(port)", "-U", "postgres",
                                 "-c", "SELECT string_agg(DISTINCT s.ssl::text, ',') FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.client_addr IS NOT NULL"],
                                scratch: folder)
    }

    /// A TCP port nothing listens on now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
