import Foundation
import JournalTestSupport

/// The `openssl` command line (Debian openssl), to make keys and certificates the way an
/// outside CA would, in a temporary folder.
public struct OpenSSLTool {
    public let directory: URL

    public init() throws {
        directory = URL(fileURLWithPath: try TemporaryFolder.make("sscard-openssl"))
    }

    public struct Failed: Error, CustomStringConvertible { public let description: String }

    @discardableResult
    public func run(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "openssl \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// A CA and a unit certificate signed by it, with the unit's key encrypted as PKCS#8:
    /// P-256 (or RSA) with SHA-256, or SM2 with SM3 and the standard ID. Files: `prefix`-ca.pem,
    /// `prefix`-unit.pem, `prefix`-unit.key.
    /// `usage` is the unit certificate's extendedKeyUsage; `rsa` makes RSA-2048 keys (not with `sm2`).
    /// What the CA certificate of a chain is: a proper v3 CA, a v1 self-signed certificate
    /// (no extensions at all), or a v3 one with keyCertSign but no basicConstraints.
    public enum CAKind: Sendable { case v3, v1, keyCertSignOnly }

    public func makeChain(_ prefix: String, sm2: Bool, creditCode: String, password: String, days: Int = 30,
                          usage: String = "clientAuth", rsa: Bool = false, caKind: CAKind = .v3, serial: String? = nil) throws {
        let algorithm = sm2 ? ["-algorithm", "SM2"]
            : rsa ? ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"] : ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
        let digest = sm2 ? ["-sm3", "-sigopt", "distid:1234567812345678"] : ["-sha256"]
        try run(["genpkey"] + algorithm + ["-out", "\(prefix)-ca.key"])
        switch caKind {
        case .v3:
            try run(["req", "-x509", "-new", "-key", "\(prefix)-ca.key"] + digest + ["-subj", "/CN=Outside \(prefix) CA", "-days", "365",
                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                     "-out", "\(prefix)-ca.pem"])
        case .v1, .keyCertSignOnly:
            try run(["req", "-new", "-key", "\(prefix)-ca.key"] + digest + ["-subj", "/CN=Outside \(prefix) CA", "-out", "\(prefix)-ca.csr"])
            var selfSign = ["x509", "-req", "-in", "\(prefix)-ca.csr", "-signkey", "\(prefix)-ca.key"] + digest + ["-days", "365"]
            if sm2 { selfSign += ["-vfyopt", "distid:1234567812345678"] }
            if caKind == .keyCertSignOnly {
                try "keyUsage=critical,keyCertSign\n".write(to: directory.appendingPathComponent("ca-ext.cnf"), atomically: true, encoding: .utf8)
                selfSign += ["-extfile", "ca-ext.cnf"]
            }
            try run(selfSign + ["-out", "\(prefix)-ca.pem"])
        }
        try run(["genpkey"] + algorithm + ["-out", "\(prefix)-plain.key"])
        try run(["req", "-new", "-key", "\(prefix)-plain.key"] + digest + ["-subj", "/CN=Unit/serialNumber=\(creditCode)",
                 "-out", "\(prefix).csr"])
        try "extendedKeyUsage=\(usage)\nbasicConstraints=CA:FALSE\n".write(to: directory.appendingPathComponent("ext.cnf"),
                                                                               atomically: true, encoding: .utf8)
        var sign = ["x509", "-req", "-in", "\(prefix).csr", "-CA", "\(prefix)-ca.pem", "-CAkey", "\(prefix)-ca.key"] + digest
        if sm2 { sign += ["-vfyopt", "distid:1234567812345678"] }
        if let serial { sign += ["-set_serial", serial] }
        try run(sign + ["-days", "\(days)", "-extfile", "ext.cnf", "-out", "\(prefix)-unit.pem"])
        try run(["pkcs8", "-topk8", "-in", "\(prefix)-plain.key", "-v2", "aes-256-cbc", "-passout", "pass:\(password)",
                 "-out", "\(prefix)-unit.key"])
    }

    /// The unit certificate and its encrypted key of `prefix`'s chain, alone in a folder of
    /// their own: the stand-in for the unit's USB key. Returns the folder.
    public func usbFolder(_ prefix: String) throws -> String {
        let folder = directory.path + "/usb-\(prefix)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text("\(prefix)-unit.pem").write(toFile: folder + "/unit.pem", atomically: true, encoding: .utf8)
        try text("\(prefix)-unit.key").write(toFile: folder + "/unit.key", atomically: true, encoding: .utf8)
        return folder
    }
}
