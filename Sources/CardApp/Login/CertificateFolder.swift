import CardStore
import Foundation
import SystemPackage

/// The folder that stands in for a unit's USB key: one PEM certificate and one private
/// key (PKCS#8, encrypted under the 证书密码), whatever the files are called, as `sscard ca
/// issue` and `openssl` write them. Files over 1 MiB are not read.
struct CertificateFolder {
    let certificatePEM: String
    let keyPEM: String

    struct Problem: Error {
        let message: String
    }

    static func read(_ path: String) throws(Problem) -> CertificateFolder {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw Problem(message: "找不到文件夹「\(path)」，请检查证书是否已插入")
        }
        var certificate: String?
        var key: String?
        for name in names.filter({ !$0.hasPrefix(".") }).sorted() {
            guard let text = try? DeploymentAuthority.read(FilePath(path).appending(name)) else { continue }
            if certificate == nil, text.contains("-----BEGIN CERTIFICATE-----") { certificate = text }
            if key == nil, text.contains("PRIVATE KEY-----") { key = text }
        }
        guard let certificate else { throw Problem(message: "文件夹中没有证书文件（PEM 格式的 CERTIFICATE）") }
        guard let key else { throw Problem(message: "文件夹中没有证书的密钥文件（PRIVATE KEY）") }
        return CertificateFolder(certificatePEM: certificate, keyPEM: key)
    }
}
