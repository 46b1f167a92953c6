import ArgumentParser
import CardDomain
import CardStore
import Foundation

/// `sscard journal views --person 证件号码`: who looked at a person's detail (D12), read back
/// from the journal, oldest first. No process keeps the views in memory; this is how an
/// auditor answers "who saw my data". The number is shown masked, as in every list.
struct ViewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views",
        abstract: "List who viewed a person's detail, from the journal.",
        discussion: "Every opening of a person's detail by staff is recorded; this reads them back, newest last.\n\nExample: sscard journal views --person 110105195609090137 --data-dir /srv/sscard")

    @Option(help: ArgumentHelp("The person's whole 证件号码.", valueName: "证件号码"))
    var person: String

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        let number = person.trimmingSpaces.uppercased()
        let views: [PersonView]
        do {
            views = try ViewAudit(data: data.data).views(of: number)
        } catch {
            var standardError = StandardError()
            print("sscard: \(error)", to: &standardError)
            throw ExitCode(1)
        }
        let shown = PrivacyMask.identityNumber(number)
        guard !views.isEmpty else { return print("\(shown)：没有工作人员查看过此人的信息。") }
        print("\(shown) 的信息被工作人员查看过 \(views.count) 次：")
        for view in views {
            print([BeijingTime.dateTime(microseconds: view.at), TerminalText.escaped(view.viewer), view.role.rawValue,
                   TerminalText.escaped(view.terminal)].joined(separator: "  "))
        }
    }
}
