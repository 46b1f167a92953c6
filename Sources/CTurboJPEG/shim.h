// libjpeg-turbo's TurboJPEG API (Debian libturbojpeg0-dev): decoding without setjmp in
// the caller, with warnings (a truncated file) turned into errors by TJFLAG_STOPONWARNING.
#include <stddef.h>
#include <turbojpeg.h>
