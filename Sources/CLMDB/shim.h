// LMDB (Debian liblmdb-dev): the memory-mapped B+tree that every clerk's process reads
// without locks. It holds derived read models only; the journal stays the record.
#include <lmdb.h>
