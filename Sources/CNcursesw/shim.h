#ifndef SSCARD_CNCURSESW_SHIM_H
#define SSCARD_CNCURSESW_SHIM_H

// Wide-character curses: get_wch, add_wch, setcchar need this before the include.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift cannot import, or cannot use under Swift 6's
// concurrency checking (stdscr is a mutable global), wrapped as functions.
static inline WINDOW *sscard_stdscr(void) { return stdscr; }
static inline int sscard_lines(void) { return LINES; }
static inline int sscard_cols(void) { return COLS; }
static inline void sscard_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}
static inline int sscard_key_f(int n) { return KEY_F(n); }
static inline attr_t sscard_a_normal(void) { return A_NORMAL; }
static inline attr_t sscard_a_bold(void) { return A_BOLD; }
static inline attr_t sscard_a_reverse(void) { return A_REVERSE; }
static inline attr_t sscard_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sscard_a_dim(void) { return A_DIM; }
static inline attr_t sscard_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline void sscard_set_escdelay(int milliseconds) { set_escdelay(milliseconds); }
static inline const char *sscard_curses_version(void) { return curses_version(); }
static inline int sscard_wcwidth(wchar_t character) { return wcwidth(character); }

#endif
