// libqrencode (Debian libqrencode-dev): the QR symbol, its Reed-Solomon blocks and mask
// choice come from this maintained library, never from code written here.
#include <qrencode.h>
