import Dispatch
import Foundation
import SwiftASN1
import X509

/// The certificate verifier over apple/swift-certificates and swift-crypto, for P-256
/// ECDSA and RSA chains: `Verifier` with `RFC5280Policy` at the login's time, plus
/// `ClientAuthPolicy`, since RFC 5280's policy does not look at extendedKeyUsage. It
/// cannot parse SM2 certificates; `UnitCertificateVerifier` sends those to OpenSSL.
public struct SwiftCertificatesVerifier: CertificateVerifier {
    public init() {}

    public func verify(_ certificate: X509Certificate, trusting authorities: [String], at seconds: Int64) -> CertificateVerdict {
        guard let leaf = try? Certificate(pemEncoded: certificate.pem) else { return .invalid("swift-certificates 无法解析该证书") }
        guard (try? leaf.extensions.extendedKeyUsage)??.contains(.clientAuth) == true else { return .notForLogin }
        let time = Date(timeIntervalSince1970: TimeInterval(seconds))
        if time < leaf.notValidBefore { return .notYetValid }
        if time > leaf.notValidAfter { return .expired }
        // An SM2 CA among the trusted ones does not parse here, and cannot be this leaf's issuer.
        let roots = authorities.compactMap { try? Certificate(pemEncoded: $0) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        // The app's loop is synchronous and Verifier.validate is async: its task runs on a
        // queue of its own, never the cooperative pool, so waiting here cannot starve it
        // (as it would when the caller is itself on that pool, as tests are).
        Task.detached(executorPreference: Self.executor) {
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
                RFC5280Policy(validationTime: time)
                ClientAuthPolicy()
            }
            let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore())
            if case .validCertificate = result { outcome.set(.valid) } else { outcome.set(.untrusted) }
            done.signal()
        }
        done.wait()
        return outcome.value
    }

    static let executor = QueueTaskExecutor()

    /// Runs the validation's jobs on one dispatch queue (a thread outside Swift's pool).
    final class QueueTaskExecutor: TaskExecutor, @unchecked Sendable {
        private let queue = DispatchQueue(label: "sscard.certificate-verifier")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// The verdict handed from the task to the waiting caller.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: CertificateVerdict = .untrusted

        func set(_ verdict: CertificateVerdict) { lock.withLock { stored = verdict } }
        var value: CertificateVerdict { lock.withLock { stored } }
    }
}

/// The leaf must allow client authentication (extendedKeyUsage clientAuth): a TLS server's
/// or an e-mail certificate from the same CA does not log a unit in.
struct ClientAuthPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.extendedKeyUsage, usage.contains(.clientAuth) else {
            return .failsToMeetPolicy(reason: "the certificate does not allow clientAuth")
        }
        return .meetsPolicy
    }
}
