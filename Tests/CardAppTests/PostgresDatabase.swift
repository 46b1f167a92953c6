import Foundation
import JournalTestSupport
import PostgresJournal

/// A fresh PostgreSQL journal of its own for one app test, whose server can go away (it
/// refuses connections and ends those it had) and come back.
struct PostgresDatabase {
    let cluster: PostgresTestCluster
    let name: String
    let url: String

    init() throws {
        cluster = try PostgresTestCluster.shared.get()
        name = try cluster.freshDatabase()
        url = cluster.url(database: name)
        try PostgresJournal.install(try PostgresLocation(url), appRole: nil)
    }

    func goAway() throws {
        try cluster.sql("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
        try cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
    }

    func comeBack() throws {
        try cluster.sql("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
    }
}
