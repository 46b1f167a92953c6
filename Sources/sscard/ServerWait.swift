import ArgumentParser
import CardStore
import Foundation

/// A clerk who starts sscard while the journal's server does not answer (the network, a
/// failover under way) is told so in words, and on a terminal sscard tries again every few
/// seconds and goes on to the login screen once the server answers: the clerk waits,
/// nothing is changed meanwhile. A script, with no terminal, is told at once (exit 1).
enum ServerWait {
    static let retryEvery: Duration = .seconds(3)

    /// Runs `body`, the start's first reads of the journal, again while the server is away.
    static func opening<T>(_ data: DataDirectoryOptions, interactive: Bool, _ body: () throws -> T) throws -> T {
        var tries = 0
        var standardError = StandardError()
        while true {
            do {
                let opened = try body()
                if tries > 0 { print("\nsscard: 日志服务器已恢复，正在进入登录界面。", to: &standardError) }
                return opened
            } catch where data.journalURL != nil && CardRepository.isServerAway(error) {
                tries += 1
                if tries == 1 {
                    print("sscard: 连不上日志服务器（\(data.journalURL ?? "")），程序还没有启动，没有改动任何数据。", to: &standardError)
                    print("sscard: 原因：\(error)", to: &standardError)
                }
                guard interactive else {
                    print("sscard: 请检查本机网络和日志服务器，或联系管理员；服务器恢复后重新启动即可。", to: &standardError)
                    throw ExitCode(1)
                }
                // One line that stays under 80 columns, so that \r rewrites it in place.
                standardError.write("\rsscard: 每 \(retryEvery.components.seconds) 秒重试，恢复后自动进入登录界面，"
                                    + "Ctrl-C 退出（已重试 \(tries) 次）")
                Thread.sleep(forTimeInterval: Double(retryEvery.components.seconds))
            }
        }
    }
}
