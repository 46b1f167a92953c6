#ifndef SSCARD_LMDB_GUARD_H
#define SSCARD_LMDB_GUARD_H
#include <lmdb.h>

/// Returned instead of an LMDB code when the call touched memory it could not read
/// (SIGBUS or SIGSEGV): a page past the end of a cut file, or an offset from a damaged
/// page. Outside LMDB's own range (-30799 to -30780) and errno's.
#define SSCARD_LMDB_FAULT (-29999)

/// Largest value or key the index ever stores; a larger size can only come from damage.
#define SSCARD_LMDB_MAX_ITEM (16 << 20)

/// LMDB's calls, each run under a guard: a fault inside it (or while touching the key and
/// value it returns) answers SSCARD_LMDB_FAULT instead of killing the process. The index
/// file is untrusted input, and LMDB does not check its pages.
int sscard_lmdb_get(MDB_txn *txn, MDB_dbi dbi, MDB_val *key, MDB_val *data);
int sscard_lmdb_cursor_get(MDB_cursor *cursor, MDB_val *key, MDB_val *data, MDB_cursor_op op);
int sscard_lmdb_put(MDB_txn *txn, MDB_dbi dbi, MDB_val *key, MDB_val *data, unsigned int flags);
int sscard_lmdb_del(MDB_txn *txn, MDB_dbi dbi, MDB_val *key);
int sscard_lmdb_drop(MDB_txn *txn, MDB_dbi dbi, int del);
int sscard_lmdb_stat(MDB_txn *txn, MDB_dbi dbi, MDB_stat *stat);
int sscard_lmdb_dbi_open(MDB_txn *txn, const char *name, unsigned int flags, MDB_dbi *dbi);
int sscard_lmdb_txn_commit(MDB_txn *txn);

#endif
