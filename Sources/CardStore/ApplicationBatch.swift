import CardDomain

/// The application events of one catch-up transaction: applied to a book over what that
/// transaction sees (so an event finds the application an earlier one in the batch made),
/// then written into it together.
struct ApplicationBatch {
    private let view: TransactionApplications
    private let transaction: LMDBTransaction
    private let tables: ApplicationTables
    var book: ApplicationBook

    init(_ transaction: LMDBTransaction, _ tables: ApplicationTables, identity: String) {
        view = TransactionApplications(transaction, tables, identity: identity)
        self.transaction = transaction
        self.tables = tables
        book = ApplicationBook(base: view)
    }

    /// Writes the book's changes; throws instead when a read of the transaction failed,
    /// since the book may then have missed an application that was there.
    func write() throws {
        if let failure = view.failure { throw failure }
        try tables.store(book, in: transaction)
    }
}
