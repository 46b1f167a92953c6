import ArgumentParser

/// What `records import` and `units import` both take: the file, the data directory, a
/// dry run, and the report of rejected rows.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE.csv"))
    var file: String

    @OptionGroup var data: DataDirectoryOptions

    @Flag(help: "Check every row but record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Write rejected rows here as line,field,reason (created 0600).", valueName: "REPORT.csv"))
    var report: String?

    @Flag(help: "Overwrite an existing report file (never through a symbolic link).")
    var force = false
}
