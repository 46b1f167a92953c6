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
#include <signal.h>
#include <string.h>
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


// Signals that must end the session cleanly (SIGTERM; SIGHUP when an ssh session drops)
// only set a flag here, which is async-signal-safe; the main loop sees it within one
// input timeout and restores the terminal. Keyboard signals are ignored: in raw mode
// Ctrl-C and Ctrl-Z arrive as keys, and a kiosk must never be stopped or suspended.
static volatile sig_atomic_t sscard_pending_signal_number = 0;
static inline void sscard_record_signal(int number) { sscard_pending_signal_number = number; }
static inline void sscard_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sscard_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    // A parent may have started us with these blocked (a service manager, a test runner's
    // worker thread); blocked, a resize or a hang-up would never reach us.
    sigset_t needed;
    sigemptyset(&needed);
    sigaddset(&needed, SIGTERM);
    sigaddset(&needed, SIGHUP);
    sigaddset(&needed, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);
}
static inline int sscard_pending_signal(void) { return sscard_pending_signal_number; }
static inline int sscard_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sscard_key_resize(void) { return KEY_RESIZE; }
static inline WINDOW *sscard_curscr(void) { return curscr; }

#endif
