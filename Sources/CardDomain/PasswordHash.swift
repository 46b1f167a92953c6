import CryptoExtras
import Foundation

/// A password stored only as an scrypt hash (DECISIONS.md D10), encoded in the PHC
/// string style: `$scrypt$ln=15,r=8,p=1$<salt, base64>$<hash, base64>`. The salt is
/// passed in, so the domain stays free of randomness; the store draws it.
public struct PasswordHash: Equatable, Sendable, CustomStringConvertible {
    public struct Parameters: Equatable, Sendable {
        /// log2 of the CPU/memory cost N.
        public var logCost: Int
        public var blockSize: Int
        public var parallelism: Int

        /// N = 2^15, r = 8, p = 1: 32 MiB and about 0.2 s per login here (192 ms measured with
        /// the same parameters through Python's hashlib.scrypt, OpenSSL).
        public static let standard = Parameters(logCost: 15, blockSize: 8, parallelism: 1)

        /// N = 2^10 for the demo data's accounts only: their password is published in
        /// DEMO-DATA.md, so a costly hash protects nothing and would only slow every demo
        /// seed (fifteen hashes) and login. Accounts an administrator makes use `standard`.
        public static let demo = Parameters(logCost: 10, blockSize: 8, parallelism: 1)

        public init(logCost: Int, blockSize: Int, parallelism: Int) {
            self.logCost = logCost
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// Bounds for parameters read back from storage, so a tampered record cannot make
        /// a login take minutes or gigabytes.
        var isReasonable: Bool {
            (10...20).contains(logCost) && (1...16).contains(blockSize) && (1...4).contains(parallelism)
        }
    }

    public static let hashBytes = 32

    public let parameters: Parameters
    public let salt: [UInt8]
    public let hash: [UInt8]

    public static func make(password: String, salt: [UInt8], parameters: Parameters = .standard) throws -> PasswordHash {
        PasswordHash(parameters: parameters, salt: salt,
                     hash: try derive(password, salt: salt, parameters: parameters))
    }

    /// Whether `password` is the one hashed here; compares in constant time.
    public func verify(_ password: String) -> Bool {
        guard let candidate = try? Self.derive(password, salt: salt, parameters: parameters),
              candidate.count == hash.count else { return false }
        return zip(candidate, hash).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    public var description: String {
        "$scrypt$ln=\(parameters.logCost),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + Data(salt).base64EncodedString() + "$" + Data(hash).base64EncodedString()
    }

    /// Reads an encoded hash; nil for anything malformed or with unreasonable parameters.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let keyValue = pair.split(separator: "=")
            guard keyValue.count == 2, let value = Int(keyValue[1]) else { return nil }
            values[String(keyValue[0])] = value
        }
        guard let logCost = values["ln"], let blockSize = values["r"], let parallelism = values["p"],
              let salt = Data(base64Encoded: String(parts[3])), let hash = Data(base64Encoded: String(parts[4])),
              !salt.isEmpty, hash.count == Self.hashBytes else { return nil }
        let parameters = Parameters(logCost: logCost, blockSize: blockSize, parallelism: parallelism)
        guard parameters.isReasonable else { return nil }
        self.init(parameters: parameters, salt: Array(salt), hash: Array(hash))
    }

    init(parameters: Parameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    static func derive(_ password: String, salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: hashBytes,
            rounds: 1 << parameters.logCost, blockSize: parameters.blockSize, parallelism: parameters.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }
}
