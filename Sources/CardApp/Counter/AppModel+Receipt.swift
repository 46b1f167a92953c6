import CardDomain
import ReceiptPrinting
import TerminalUI

extension AppModel {
    /// The receipt the clerk hands over: a PDF under the data directory, and on paper
    /// when the desk has a printer. The dialog says which, and where the file is.
    mutating func printReceipt(_ id: String, now: Int64) {
        let state = environment.repository.state
        guard let application = state.applications[id], let person = state.person(application.personNumber),
              let profile = reference.channel(application.channel) else { return }
        let pickup = application.form.pickupMethod
        let receipt = Receipt(
            application: application, person: person,
            pickupLabel: profile.pickupLabel(pickup, kind: application.kind),
            branch: application.form.branch.flatMap { name in application.form.bank.flatMap { reference.branch(name, of: $0) } },
            nextSteps: environment.policy.nextSteps(after: pickup),
            clerk: session?.displayName ?? "", printedAt: now)
        let stamp = BeijingTime.dateTime(microseconds: now).filter(\.isNumber)
        do {
            let pdf = try ReceiptPDF.render(receipt)
            switch try environment.receiptPrinter.print(pdf, named: "\(id)-\(stamp)", title: "回执 \(id)") {
            case .printed(let printer, let file, _):
                overlay = message("回执已打印", "已送往打印机「\(printer)」。PDF 副本：\(file)", tone: .success)
            case .saved(let file):
                overlay = message("回执已保存", "本机未配置打印机，回执已保存为 PDF：\(file)", tone: .success)
            case .notPrinted(let file, let reason):
                overlay = message("回执未能打印", "打印机未接受（\(reason)）。回执已保存为 PDF：\(file)", tone: .warning)
            }
        } catch {
            overlay = message("回执未能生成", "\(error)。请稍后再试，或联系管理员。", tone: .error)
        }
    }
}
