// libpng's simplified API (Debian libpng-dev): png_image reads from memory and reports
// errors in the struct, so no setjmp reaches Swift.
#include <png.h>
