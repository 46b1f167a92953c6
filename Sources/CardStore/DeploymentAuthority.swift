#if canImport(Glibc)
import Glibc
#endif
import CardDomain
import Foundation
import SystemPackage
import UnitCertificates

/// The deployment's certificate authority and the CAs it trusts, under the data
/// directory's `ca/` (0700): `authority.key` (0600, the CA's key), `authority.pem`, and
/// `trusted/*.pem`, outside CAs added by `sscard ca trust` (a unit's own BJCA or CFCA
/// certificate chain). A unit certificate logs in when it chains to any of them.
public struct DeploymentAuthority {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: FilePath

    public init(dataRoot: FilePath) {
        directory = dataRoot.appending("ca")
    }

    var keyPath: FilePath { directory.appending("authority.key") }
    var certificatePath: FilePath { directory.appending("authority.pem") }
    var trustedDirectory: FilePath { directory.appending("trusted") }

    public var exists: Bool { (try? Self.read(certificatePath)) != nil }

    /// Creates the CA: a key (P-256, or SM2) and a self-signed certificate for ten years.
    public func create(name: String, sm2: Bool, now seconds: Int64, serial: UInt64) throws -> X509Certificate {
        guard !exists else { throw Problem(description: "本部署的 CA 已经存在（\(certificatePath)），不会覆盖") }
        guard let key = CertificateKey.generate(sm2: sm2),
              let certificate = X509Certificate.issue(for: key, commonName: name, organisation: name, subjectSerialNumber: nil,
                                                      issuer: nil, issuerKey: key, notBefore: seconds - 300,
                                                      notAfter: seconds + 10 * 366 * 86_400, isAuthority: true, serial: serial),
              let keyPEM = key.pem(password: nil) else {
            throw Problem(description: "OpenSSL 未能生成 CA 的密钥或证书")
        }
        try Self.makeDirectory(directory)
        try Self.write(keyPEM, to: keyPath)
        try Self.write(certificate.pem, to: certificatePath)
        return certificate
    }

    /// The CA's certificate and key, to issue with.
    public func load() throws -> (certificate: X509Certificate, key: CertificateKey) {
        guard let pem = try? Self.read(certificatePath), let certificate = X509Certificate.read(pem: pem) else {
            throw Problem(description: "本部署还没有 CA：请先运行 sscard ca init")
        }
        let key: CertificateKey
        do {
            key = try CertificateKey.read(pem: try Self.read(keyPath), password: "")
        } catch {
            throw Problem(description: "无法读取 CA 的密钥 \(keyPath)")
        }
        return (certificate, key)
    }

    /// Adds an outside CA certificate (PEM) to the trusted ones, named by its serial.
    /// Refused, with every reason: what `TrustAnchorPolicy` refuses, an expired CA included.
    public func trust(_ pem: String, now seconds: Int64) throws -> X509Certificate {
        guard let certificate = X509Certificate.read(pem: pem) else { throw Problem(description: "文件里没有 PEM 格式的证书") }
        let problems = TrustAnchorPolicy.problems(certificate, at: seconds)
        guard problems.isEmpty else {
            throw Problem(description: "该证书不能作为签发机构信任：" + problems.joined(separator: "；")
                            + "（有效期至 \(BeijingTime.dateTime(microseconds: certificate.notAfter * 1_000_000))）")
        }
        try Self.makeDirectory(directory)
        try Self.makeDirectory(trustedDirectory)
        try Self.write(certificate.pem, to: trustedDirectory.appending("\(certificate.serial).pem"))
        return certificate
    }

    /// Every CA certificate a unit certificate may chain to: this deployment's and the trusted ones.
    public func authorities() -> [String] {
        var result: [String] = []
        if let own = try? Self.read(certificatePath) { result.append(own) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: trustedDirectory.string)) ?? []
        for name in names.filter({ $0.hasSuffix(".pem") }).sorted() {
            if let pem = try? Self.read(trustedDirectory.appending(name)) { result.append(pem) }
        }
        return result
    }

    static func makeDirectory(_ path: FilePath) throws {
        if mkdir(path.string, 0o700) != 0, errno != EEXIST {
            throw Problem(description: "无法创建文件夹 \(path)：\(Errno(rawValue: errno))")
        }
    }

    /// Writes `text` to a new or replaced private file (PrivateFile: 0600, no symlinks, synced).
    public static func write(_ text: String, to path: FilePath) throws {
        do {
            let file = try PrivateFile.create(path.string, overwrite: true, what: "证书文件")
            defer { file.close() }
            try file.write(text)
        } catch let problem as PrivateFile.Problem {
            throw Problem(description: problem.description)
        } catch {
            throw Problem(description: "无法写入 \(path)：\(error)")
        }
    }

    /// A small text file (a PEM), at most 1 MiB: anything larger is not a certificate or key.
    /// Only a regular file is read (RegularFile), so a FIFO in a chosen folder never blocks.
    public static func read(_ path: FilePath) throws -> String {
        let limit = 1 << 20
        switch RegularFile.read(path.string, limit: limit) {
        case .success(let read) where read.size <= limit:
            return String(decoding: read.bytes, as: UTF8.self)
        case .success:
            throw Problem(description: "\(path) 太大，不是证书文件")
        case .failure(let failure):
            throw Problem(description: "无法读取 \(path)：\(failure)")
        }
    }
}
