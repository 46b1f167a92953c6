// libharu (Debian libhpdf-dev): writes PDF, with the PDF standard's Chinese fonts
// (SimSun, GBK-EUC-H), which every PDF reader has, so nothing needs embedding.
#include <hpdf.h>
