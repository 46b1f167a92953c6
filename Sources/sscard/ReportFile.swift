import CardDomain
import CardStore

/// The import's rejection report: it names rows of personal data, so it is a PrivateFile
/// (0600, never through a symbolic link, an existing file replaced only when asked).
struct ReportFile {
    let file: PrivateFile

    static func create(_ path: String, overwrite: Bool) throws -> ReportFile {
        ReportFile(file: try PrivateFile.create(path, overwrite: overwrite, what: "报告文件", howToOverwrite: "加 --force ",
                                                     otherwise: "；没有导入任何行"))
    }

    var path: String { file.path }

    func write(_ rejections: [RecordsImporter.Rejection]) throws {
        try file.write(ImportReport.csv(rejections))
    }

    func close() { file.close() }
}
