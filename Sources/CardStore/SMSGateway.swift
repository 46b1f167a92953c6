/// Where 手机号验证码登录's codes go: a real deployment plugs its SMS platform in here; the
/// built-in one is `SMSOutbox`, a private file that stands in for the person's phone.
public protocol SMSGateway: Sendable {
    /// Sends `message` to `phone`; throws when it could not be handed over.
    func send(_ message: String, to phone: String, at microseconds: Int64) throws
}
