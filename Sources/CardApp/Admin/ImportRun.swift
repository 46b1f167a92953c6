import CardStore

/// An import under way on 导入人员信息 or 导入单位信息: the job, and when it started, for the
/// screen's rows per second and time left.
struct ImportRun {
    var job: ImportJob
    let startedAt: Int64
    var stopRequested = false
}
