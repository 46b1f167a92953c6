// A fault guard around LMDB's calls. LMDB reads its memory map without checking page
// contents, so a damaged or cut index file can send it to an address past the end of the
// file (SIGBUS) or outside the map (SIGSEGV). Each call here sets a jump point; the
// handler jumps back to it, and the call answers SSCARD_LMDB_FAULT. A fault outside a
// guarded call goes to whatever handled the signal before, so real bugs still crash.
//
// Jumping out of LMDB is safe for reads: they take no lock (the reader slot is taken at
// txn_begin, outside the guard). A write transaction that faulted is aborted by the caller.
#include "lmdb_guard.h"
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

static __thread sigjmp_buf *active_guard;
static struct sigaction previous_bus;
static struct sigaction previous_segv;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void on_fault(int signal, siginfo_t *info, void *context) {
    sigjmp_buf *guard = active_guard;
    if (guard != NULL) {
        active_guard = NULL;
        siglongjmp(*guard, 1);
    }
    struct sigaction *previous = signal == SIGBUS ? &previous_bus : &previous_segv;
    if ((previous->sa_flags & SA_SIGINFO) != 0 && previous->sa_sigaction != NULL) {
        previous->sa_sigaction(signal, info, context);
        return;
    }
    if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler != NULL) {
        previous->sa_handler(signal);
        return;
    }
    // Back to the default action: returning runs the faulting instruction again, which
    // then ends the process as it would have without this guard.
    sigaction(signal, previous, NULL);
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    // NODEFER: the jump leaves the handler without restoring the mask, so the signal must
    // not be blocked while it runs (sigsetjmp(…, 0) saves no mask, which keeps calls cheap).
    action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous_bus);
    sigaction(SIGSEGV, &action, &previous_segv);
}

/// Reads one byte of every page of `value`, so that Swift reading it later cannot fault.
static int touch(const MDB_val *value) {
    if (value == NULL || value->mv_size == 0) return MDB_SUCCESS;
    if (value->mv_size > SSCARD_LMDB_MAX_ITEM || value->mv_data == NULL) return SSCARD_LMDB_FAULT;
    const volatile unsigned char *bytes = value->mv_data;
    unsigned char sink = 0;
    for (size_t offset = 0; offset < value->mv_size; offset += 4096) sink ^= bytes[offset];
    sink ^= bytes[value->mv_size - 1];
    (void)sink;
    return MDB_SUCCESS;
}

#define GUARDED(call, key, data)                                         \
    pthread_once(&installed, install);                                  \
    sigjmp_buf guard;                                                   \
    sigjmp_buf *outer = active_guard;                                   \
    if (sigsetjmp(guard, 0) != 0) {                                     \
        active_guard = outer;                                           \
        return SSCARD_LMDB_FAULT;                                       \
    }                                                                   \
    active_guard = &guard;                                              \
    int code = (call);                                                  \
    if (code == MDB_SUCCESS) code = touch(key);                         \
    if (code == MDB_SUCCESS) code = touch(data);                        \
    active_guard = outer;                                               \
    return code;

int sscard_lmdb_get(MDB_txn *txn, MDB_dbi dbi, MDB_val *key, MDB_val *data) {
    GUARDED(mdb_get(txn, dbi, key, data), NULL, data)
}

int sscard_lmdb_cursor_get(MDB_cursor *cursor, MDB_val *key, MDB_val *data, MDB_cursor_op op) {
    GUARDED(mdb_cursor_get(cursor, key, data, op), key, data)
}

int sscard_lmdb_put(MDB_txn *txn, MDB_dbi dbi, MDB_val *key, MDB_val *data, unsigned int flags) {
    GUARDED(mdb_put(txn, dbi, key, data, flags), NULL, NULL)
}

int sscard_lmdb_del(MDB_txn *txn, MDB_dbi dbi, MDB_val *key) {
    GUARDED(mdb_del(txn, dbi, key, NULL), NULL, NULL)
}

int sscard_lmdb_drop(MDB_txn *txn, MDB_dbi dbi, int del) {
    GUARDED(mdb_drop(txn, dbi, del), NULL, NULL)
}

int sscard_lmdb_stat(MDB_txn *txn, MDB_dbi dbi, MDB_stat *stat) {
    GUARDED(mdb_stat(txn, dbi, stat), NULL, NULL)
}

int sscard_lmdb_dbi_open(MDB_txn *txn, const char *name, unsigned int flags, MDB_dbi *dbi) {
    GUARDED(mdb_dbi_open(txn, name, flags, dbi), NULL, NULL)
}

int sscard_lmdb_txn_commit(MDB_txn *txn) {
    GUARDED(mdb_txn_commit(txn), NULL, NULL)
}
