import CardDomain
import Foundation
import SnapshotSupport
@testable import ReceiptPrinting
import SystemPackage
import Testing

struct ReceiptPrinterTests {
    let receipt = Receipt(title: "北京市第三代社会保障卡申领回执", rows: [
        .init("办事编号", "SB20261121000001"),
        .init("申请人", "孙建国  110105********0137"),
        .init("办卡状态", "已提交"),
        .init("领卡方式", "个人网点领卡"),
        .init("网点地址", "北京市朝阳区建国路88号（中国工商银行北京朝阳支行营业厅，工作日 9:00-17:00 办理领卡业务）"),
        .init("经办人", "窗口经办 guitai01"),
        .init("打印时间", "2026-11-21 14:05"),
    ], nextSteps: "制卡完成后，请本人携带身份证原件到所选网点领卡；领卡时需激活金融功能。")

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "receipt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An executable shell script standing in for lp.
    private func spooler(at path: String, _ body: String) throws -> String {
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o700)
        return path
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    /// Every row, the long address included, comes back from the PDF as the same text.
    @Test func thePDFReadsBackAsTheReceipt() throws {
        let directory = try temporaryDirectory()
        let printer = ReceiptPrinter(directory: FilePath(directory + "/receipts"), printer: nil)
        let outcome = try printer.print(try ReceiptPDF.render(receipt), named: "SB20261121000001", title: receipt.title)
        guard case .saved(let file) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try mode(file) == 0o600)
        #expect(try mode(directory + "/receipts") == 0o700)
        let text = try PDFText.of(file: file).filter { !$0.isWhitespace }
        for part in [receipt.title] + receipt.rows.flatMap({ [$0.label, $0.value] }) + [receipt.nextSteps] {
            #expect(text.contains(part.filter { !$0.isWhitespace }), "\(part) missing from:\n\(text)")
        }
    }

    /// A named printer gets the file through the spooler, with `-d`, and lp's answer is kept.
    @Test func aConfiguredPrinterGetsTheFileThroughTheSpooler() throws {
        let directory = try temporaryDirectory()
        let log = directory + "/lp-arguments"
        let spooler = try spooler(at: directory + "/fake-lp",
                                  "printf '%s\\n' \"$@\" > '\(log)'\necho 'request id is desk-1-7 (1 file(s))'\n")
        let printer = ReceiptPrinter(directory: FilePath(directory + "/receipts"), printer: "desk-1", spooler: spooler)
        let outcome = try printer.print(try ReceiptPDF.render(receipt), named: "SB20261121000001", title: "回执")
        let file = directory + "/receipts/SB20261121000001.pdf"
        #expect(outcome == .printed(printer: "desk-1", file: file, job: "request id is desk-1-7 (1 file(s))"))
        let arguments = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments == ["-d", "desk-1", "-t", "回执", "--", file])
    }

    /// A spooler that refuses (printer unknown, CUPS down) leaves the PDF and says why.
    @Test func aRefusingSpoolerKeepsThePDFAndSaysWhy() throws {
        let directory = try temporaryDirectory()
        let spooler = try spooler(at: directory + "/refusing-lp", "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n")
        let printer = ReceiptPrinter(directory: FilePath(directory + "/receipts"), printer: "nowhere", spooler: spooler)
        let outcome = try printer.print(try ReceiptPDF.render(receipt), named: "SB1", title: "回执")
        #expect(outcome == .notPrinted(file: directory + "/receipts/SB1.pdf",
                                       reason: "lp: The printer or class does not exist."))
        #expect(FileManager.default.fileExists(atPath: directory + "/receipts/SB1.pdf"))
    }
}
