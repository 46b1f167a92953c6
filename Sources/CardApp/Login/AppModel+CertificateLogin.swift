import CardDomain
import CardStore
import Foundation
import TerminalUI
import UnitCertificates

/// 证书登录: the terminal opens the key with the 证书密码, signs a fresh domain-separated
/// challenge and checks it with the certificate's public key, checks the chain to a CA
/// this deployment trusts (the verifier port) and the dates; the journal then decides on
/// revocation, the lock, the challenge used once, and the unit the 统一社会信用代码 names.
extension AppModel {
    /// How long a signed challenge may take to reach the journal.
    static let challengeSeconds: Int64 = 60

    mutating func handleCertificateLogin(_ key: Key, _ screen: CertificateLoginScreen, now: Int64) {
        var screen = screen
        if key == .escape { return backToLoginChoice() }
        let (_, action) = screen.handle(key)
        page = .certificateLogin(screen)
        switch action {
        case .logIn(let submission)?: logIn(with: submission, on: screen, now: now)
        case .choose?:
            overlay = .certificatePicker(FilePicker(title: "插入证书", requirement: "选择证书文件（.pem），密钥须在同一文件夹",
                                                    directory: photoDirectory, listing: CertificateDirectoryListing(), wanted: "证书文件"))
        case .back?: backToLoginChoice()
        case nil: break
        }
    }

    /// The picker's keys; a chosen file names the certificate's folder.
    mutating func handleCertificatePicker(_ picker: FilePicker, _ key: Key) {
        var picker = picker
        let response = picker.handle(key)
        overlay = .certificatePicker(picker)
        switch response {
        case .cancelled:
            overlay = nil
        case .activated:
            guard let path = picker.chosenPath, case .certificateLogin(var screen) = page else { return }
            screen.chose(folder: (path as NSString).deletingLastPathComponent)
            page = .certificateLogin(screen)
            overlay = nil
        default:
            break
        }
    }

    private mutating func logIn(with submission: CertificateLoginScreen.Submission, on screen: CertificateLoginScreen, now: Int64) {
        var screen = screen
        do {
            let login = try checkCertificate(submission, now: now)
            let events = try environment.repository.execute(.completeCertificateLogin(login), by: Actor(username: "", role: .unitOperator),
                                                            context: environment.context(now: now))
            admit(loggedIn: events, group: screen.group)
        } catch let problem as CertificateProblem {
            screen.refused(problem.message, field: problem.field)
            page = .certificateLogin(screen)
        } catch let refusal as CommandRefusal {
            screen.refused("\(refusal)", field: "folder")
            page = .certificateLogin(screen)
        } catch {
            overlay = message("无法登录", "登录记录无法保存：\(error)。请联系管理员，稍后再试。", tone: .error)
        }
    }

    struct CertificateProblem: Error {
        let message: String
        var field = "folder"
    }

    /// Everything the terminal checks before the journal is asked; each refusal its own words.
    private mutating func checkCertificate(_ submission: CertificateLoginScreen.Submission, now: Int64) throws -> CertificateLogin {
        let folder: CertificateFolder
        do { folder = try CertificateFolder.read(submission.folder) } catch { throw CertificateProblem(message: error.message) }
        guard let certificate = X509Certificate.read(pem: folder.certificatePEM) else {
            throw CertificateProblem(message: "证书文件无法读取，可能已损坏")
        }
        catchUp()
        // Locked by the key and by the unit, checked before the password is tried: while
        // locked, every try gets this answer, whatever certificate lies beside the key.
        guard let fingerprint = CertificateLogin.keyFingerprint(pem: folder.keyPEM) else {
            throw CertificateProblem(message: "密钥文件无法读取，可能已损坏")
        }
        let unit = certificate.subjectSerialNumber
        let identities = [certificate.serial] + CertificateLogin.lockIdentities(key: fingerprint, unit: unit)
        if let until = environment.repository.state.certificateLockedUntil(identities, now: now) {
            throw CertificateProblem(message: CertificateLogin.lockedMessage(until: until), field: "password")
        }
        // The chain before the password: a wrong password then counts against a unit whose
        // certificate is genuine, so a made-up certificate cannot lock another unit out.
        switch environment.certificateVerifier.verify(certificate, trusting: environment.certificateAuthority.authorities(), at: now / 1_000_000) {
        case .valid: break
        case .expired:
            throw CertificateProblem(message: "证书已于 \(BeijingTime.dateTime(microseconds: certificate.notAfter * 1_000_000)) 过期，请办理证书更新")
        case .notYetValid:
            throw CertificateProblem(message: "证书尚未生效（自 \(BeijingTime.dateTime(microseconds: certificate.notBefore * 1_000_000)) 起有效）")
        case .untrusted: throw CertificateProblem(message: "该证书不是本系统认可的 CA 签发的，不能登录")
        case .invalidSerial: throw CertificateProblem(message: "证书序列号不是正整数（不符合 RFC 5280），这样的证书无法吊销，不能登录")
        case .authorityExpired(let name, let at):
            throw CertificateProblem(message: "签发该证书的 CA「\(name)」已于 \(BeijingTime.dateTime(microseconds: at * 1_000_000)) 过期，请联系证书管理部门")
        case .notForLogin: throw CertificateProblem(message: "该证书不能用于登录（没有客户端认证用途）")
        case .invalid(let why): throw CertificateProblem(message: "证书无效：\(why)")
        }
        let key: CertificateKey
        do {
            key = try CertificateKey.read(pem: folder.keyPEM, password: submission.password)
        } catch .wrongPassword {
            throw CertificateProblem(message: try wrongCertificatePassword(certificate.serial, key: fingerprint, unit: unit, now: now),
                                     field: "password")
        } catch {
            throw CertificateProblem(message: "密钥文件无法读取，可能已损坏")
        }
        guard certificate.belongs(to: key) else { throw CertificateProblem(message: "文件夹中的密钥不属于这张证书") }
        var generator = SystemRandomNumberGenerator()
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexadecimal
        let expires = now + Self.challengeSeconds * 1_000_000
        let challenge = CertificateLogin.challenge(terminal: environment.terminal, nonce: nonce, expiresAt: expires)
        guard let signature = key.sign(challenge), certificate.verifies(signature, over: challenge) else {
            throw CertificateProblem(message: "证书签名验证失败，请确认证书和密钥完好")
        }
        guard let creditCode = certificate.subjectSerialNumber, !creditCode.isEmpty else {
            throw CertificateProblem(message: "证书上没有单位的统一社会信用代码")
        }
        return CertificateLogin(serial: certificate.serial, creditCode: creditCode, nonce: nonce, expiresAt: expires, key: fingerprint)
    }

    /// Records the wrong 证书密码 against the key and the unit, and says how many tries are
    /// left, or until when they are locked.
    private mutating func wrongCertificatePassword(_ serial: String, key: String, unit: String?, now: Int64) throws -> String {
        let events = try environment.repository.execute(.failCertificatePassword(serial: serial, key: key, unit: unit),
                                                        by: Actor(username: "", role: .unitOperator), context: environment.context(now: now))
        if case .certificatePasswordFailed(let failed)? = events.first, let until = failed.lockedUntil {
            return CertificateLogin.lockedMessage(until: until)
        }
        let left = environment.repository.state.certificateTriesLeft(key: key, unit: unit, policy: environment.repository.reference.loginPolicy)
        return "证书密码不正确，还可以再试 \(left) 次"
    }
}
