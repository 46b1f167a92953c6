// cracklib (Debian libcrack2-dev): the dictionary check of new passwords (FascistCheck),
// with the dictionary cracklib-runtime builds under /var/cache/cracklib.
#include <stddef.h>  // crack.h uses size_t without including it
#include <crack.h>
