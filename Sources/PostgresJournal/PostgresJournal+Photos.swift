import Journal

/// Photos shared by every site: content-addressed, append-only (the triggers refuse changes),
/// and checked by the reader against their name, since the bytes come from a server.
extension PostgresJournal {
    /// Stores `bytes` under `sha256` (the caller's digest of them); storing the same photo
    /// again changes nothing.
    public func storePhoto(_ bytes: [UInt8], sha256: String) throws {
        _ = try connected().query("INSERT INTO photos (sha256, bytes, at) VALUES ($1, $2::bytea, $3) ON CONFLICT (sha256) DO NOTHING",
                                  [sha256, PostgresBatch.bytea(bytes),
                                   String(JournalOptions.wallClock())])
    }

    /// The photo's bytes as the server holds them, or nil when it has none by that name.
    public func photo(sha256: String) throws -> [UInt8]? {
        let rows = try connected().query("SELECT bytes FROM photos WHERE sha256 = $1", [sha256])
        return rows.count == 1 ? rows.bytes(0, 0) : nil
    }
}
