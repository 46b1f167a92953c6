#if canImport(Glibc)
import Glibc
#endif
import SystemPackage
import UnitCertificates

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
        guard let directory = opendir(path) else { throw Problem(message: "找不到文件夹「\(path)」，请检查证书是否已插入") }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        var certificate: String?
        var key: String?
        for name in names.sorted() {
            guard let text = try? DeploymentAuthority.read(FilePath(path).appending(name)) else { continue }
            if certificate == nil, text.contains("-----BEGIN CERTIFICATE-----") { certificate = text }
            if key == nil, text.contains("PRIVATE KEY-----") { key = text }
        }
        guard let certificate else { throw Problem(message: "文件夹中没有证书文件（PEM 格式的 CERTIFICATE）") }
        guard let key else { throw Problem(message: "文件夹中没有证书的密钥文件（PRIVATE KEY）") }
        return CertificateFolder(certificatePEM: certificate, keyPEM: key)
    }
}
