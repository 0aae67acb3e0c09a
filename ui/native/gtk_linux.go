//go:build linux

package native

// GTK 3 is loaded with dlopen the first time a dialog opens, not linked:
// a program linked with GTK loads it and some twenty libraries it needs at
// every start, and sqweek/dialog (which this replaces on Linux) also
// started GTK in its package's init, connecting to the display, reading
// the theme and the accessibility bus. That cost an idle window 13 MiB
// (.ci/idle-memory, issue 23), and every terminal command paid it too. A
// computer without GTK now runs Singlecam; only the dialog says it is
// missing.
//
// Only a few of GTK's functions are needed, through pointers looked up by
// name; its types are opaque here and its constants are GTK 3's stable
// values, so no GTK headers are needed to build either.

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

enum {
	ACTION_OPEN = 0,          // GTK_FILE_CHOOSER_ACTION_OPEN
	ACTION_SELECT_FOLDER = 2, // GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
	RESPONSE_ACCEPT = -3,     // GTK_RESPONSE_ACCEPT
	RESPONSE_CANCEL = -6,     // GTK_RESPONSE_CANCEL
};

static int (*init_check)(int *, char ***);
static void *(*dialog_new)(const char *, void *, int, const char *, ...);
static void *(*filter_new)(void);
static void (*filter_set_name)(void *, const char *);
static void (*filter_add_pattern)(void *, const char *);
static void (*chooser_add_filter)(void *, void *);
static int (*chooser_set_current_folder)(void *, const char *);
static char *(*chooser_get_filename)(void *);
static int (*dialog_run)(void *);
static void (*dialog_response)(void *, int);
static void (*widget_destroy)(void *);
static int (*events_pending)(void);
static int (*main_iteration)(void);
static unsigned (*idle_add)(int (*)(void *), void *);
static void (*g_free_)(void *);
// For fit_screen; any of them missing (a GTK older than 3.22) leaves the
// dialog the size GTK gives it.
static void *(*widget_get_window)(void *);
static void (*window_get_size)(void *, int *, int *);
static void (*window_resize)(void *, int, int);
static void (*window_move)(void *, int, int);
static void *(*display_get_default)(void);
static void *(*display_get_monitor_at_window)(void *, void *);
static void (*monitor_get_workarea)(void *, void *);

// gtk_load opens GTK, finds its functions and starts it; it returns NULL,
// or why not (dlerror's text, which stays valid until the next dl call on
// this thread).
static const char *gtk_load(const char *library) {
	void *lib = dlopen(library, RTLD_NOW | RTLD_GLOBAL);
	if (lib == NULL) return dlerror();
#define SYM(var, name) if ((*(void **)(&var) = dlsym(lib, name)) == NULL) return dlerror();
	SYM(init_check, "gtk_init_check")
	SYM(dialog_new, "gtk_file_chooser_dialog_new")
	SYM(filter_new, "gtk_file_filter_new")
	SYM(filter_set_name, "gtk_file_filter_set_name")
	SYM(filter_add_pattern, "gtk_file_filter_add_pattern")
	SYM(chooser_add_filter, "gtk_file_chooser_add_filter")
	SYM(chooser_set_current_folder, "gtk_file_chooser_set_current_folder")
	SYM(chooser_get_filename, "gtk_file_chooser_get_filename")
	SYM(dialog_run, "gtk_dialog_run")
	SYM(dialog_response, "gtk_dialog_response")
	SYM(widget_destroy, "gtk_widget_destroy")
	SYM(events_pending, "gtk_events_pending")
	SYM(main_iteration, "gtk_main_iteration")
	SYM(idle_add, "g_idle_add")
	SYM(g_free_, "g_free")
#undef SYM
#define OPTIONAL(var, name) *(void **)(&var) = dlsym(lib, name);
	OPTIONAL(widget_get_window, "gtk_widget_get_window")
	OPTIONAL(window_get_size, "gtk_window_get_size")
	OPTIONAL(window_resize, "gtk_window_resize")
	OPTIONAL(window_move, "gtk_window_move")
	OPTIONAL(display_get_default, "gdk_display_get_default")
	OPTIONAL(display_get_monitor_at_window, "gdk_display_get_monitor_at_window")
	OPTIONAL(monitor_get_workarea, "gdk_monitor_get_workarea")
#undef OPTIONAL
	if (!init_check(NULL, NULL)) return "GTK could not reach the display";
	return NULL;
}

// fit_screen keeps the dialog within nine tenths of its screen's work
// area. GTK opens its file chooser at the size the last one was left at
// (GSettings' org.gtk.Settings.FileChooser window-size), else at its own
// default of 40 lines, about 1100×820: taller than an 800 px screen, so
// Open and Cancel were below its edge. GTK settles that size only as the
// dialog shows, so this runs once it shows (from the main loop, g_idle_add)
// and moves a dialog too big back inside the screen; GTK then saves the
// size it was given for the next one. A size that fits is left alone.
int fitted_w, fitted_h; // what fit_screen last gave, 0 when it left it (for tests)

// fit_size is the size a w×h dialog gets on a screen whose work area is
// aw×ah: its own when it fits within nine tenths of it, else as much of
// it as does; 0×0 for "leave it".
static void fit_size(int w, int h, int aw, int ah, int *fw, int *fh) {
	int most_w = aw * 9 / 10, most_h = ah * 9 / 10;
	*fw = *fh = 0;
	if (w <= most_w && h <= most_h) return;
	*fw = w < most_w ? w : most_w;
	*fh = h < most_h ? h : most_h;
}

static int fit_screen(void *dialog) {
	if (!widget_get_window || !window_get_size || !window_resize || !window_move ||
			!display_get_default || !display_get_monitor_at_window || !monitor_get_workarea) return 0;
	void *display = display_get_default();
	void *window = widget_get_window(dialog);
	void *monitor = display && window ? display_get_monitor_at_window(display, window) : NULL;
	if (!monitor) return 0;
	struct { int x, y, width, height; } area; // GdkRectangle
	monitor_get_workarea(monitor, &area);
	int w = 0, h = 0;
	window_get_size(dialog, &w, &h);
	fit_size(w, h, area.width, area.height, &fitted_w, &fitted_h);
	if (fitted_w == 0) return 0;
	window_resize(dialog, fitted_w, fitted_h);
	window_move(dialog, area.x + (area.width - fitted_w) / 2, area.y + (area.height - fitted_h) / 2);
	return 0; // once
}

static int answer;

static int respond(void *dialog) {
	dialog_response(dialog, answer);
	return 0; // once
}

// gtk_choose runs one dialog and returns the chosen path (malloc'd, for
// the caller to free) or NULL. patterns name the files shown (none: all);
// a nonzero autoAnswer is given as the dialog's answer as soon as it runs
// (for the tests, which have nobody to click).
static char *gtk_choose(const char *title, int action, const char *accept, const char *kind,
		char **patterns, int npatterns, const char *dir, int autoAnswer) {
	void *dialog = dialog_new(title, NULL, action, "_Cancel", RESPONSE_CANCEL, accept, RESPONSE_ACCEPT, NULL);
	if (npatterns > 0) {
		void *filter = filter_new();
		filter_set_name(filter, kind);
		for (int i = 0; i < npatterns; i++) filter_add_pattern(filter, patterns[i]);
		chooser_add_filter(dialog, filter);
	}
	if (dir[0] != '\0') chooser_set_current_folder(dialog, dir);
	fitted_w = fitted_h = 0;
	idle_add(fit_screen, dialog);
	if (autoAnswer != 0) {
		answer = autoAnswer;
		idle_add(respond, dialog);
	}
	char *path = NULL;
	if (dialog_run(dialog) == RESPONSE_ACCEPT) {
		char *chosen = chooser_get_filename(dialog);
		if (chosen != NULL) {
			path = strdup(chosen);
			g_free_(chosen);
		}
	}
	widget_destroy(dialog);
	// Without GTK's main loop running, the window leaves the screen only
	// once its pending events are handled.
	while (events_pending()) main_iteration();
	return path;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"singlecam/ui/kit"
)

// gtkLibrary is the GTK 3 library's name as the dynamic loader knows it.
var gtkLibrary = "libgtk-3.so.0"

// ErrNoGTK: GTK 3 could not be loaded or started, so no dialog can open.
var ErrNoGTK = errors.New("the system's file dialog needs GTK 3, which could not be started")

// gtk is the one thread that ever calls GTK (it is not thread-safe): it
// loads GTK on the first dialog and then runs each dialog in turn.
var gtk struct {
	once sync.Once
	err  error
	jobs chan func()
}

// onGTK runs f on GTK's thread, starting GTK first if this is the first
// dialog, and waits for it.
func onGTK(f func()) error {
	gtk.once.Do(func() {
		started := make(chan error)
		gtk.jobs = make(chan func())
		go func() {
			runtime.LockOSThread() // for ever: GTK stays on this thread
			name := C.CString(gtkLibrary)
			defer C.free(unsafe.Pointer(name))
			if why := C.gtk_load(name); why != nil {
				started <- fmt.Errorf("%w (%s)", ErrNoGTK, C.GoString(why))
				return
			}
			started <- nil
			for job := range gtk.jobs {
				job()
			}
		}()
		gtk.err = <-started
	})
	if gtk.err != nil {
		return gtk.err
	}
	done := make(chan struct{})
	gtk.jobs <- func() { f(); close(done) }
	<-done
	return nil
}

func openFile(title, kind string, extensions []string, dir string) (string, error) {
	return choose(title, C.ACTION_OPEN, "_Open", kind, patterns(extensions), dir, 0)
}

func openFolder(title, dir string) (string, error) {
	return choose(title, C.ACTION_SELECT_FOLDER, "_Select", "", nil, dir, 0)
}

// choose runs one GTK file dialog; autoAnswer is for the tests (see
// gtk_choose).
func choose(title string, action C.int, accept, kind string, patterns []string, dir string, autoAnswer C.int) (string, error) {
	var path string
	var chosen bool
	err := onGTK(func() {
		var free []unsafe.Pointer
		cstr := func(s string) *C.char {
			p := C.CString(s)
			free = append(free, unsafe.Pointer(p))
			return p
		}
		defer func() {
			for _, p := range free {
				C.free(p)
			}
		}()
		var list **C.char
		if len(patterns) > 0 {
			list = (**C.char)(C.malloc(C.size_t(len(patterns)) * C.size_t(unsafe.Sizeof(uintptr(0)))))
			free = append(free, unsafe.Pointer(list))
			slots := unsafe.Slice(list, len(patterns))
			for i, p := range patterns {
				slots[i] = cstr(p)
			}
		}
		got := C.gtk_choose(cstr(title), action, cstr(accept), cstr(kind), list, C.int(len(patterns)), cstr(dir), autoAnswer)
		if got != nil {
			path, chosen = C.GoString(got), true
			C.free(unsafe.Pointer(got))
		}
	})
	switch {
	case err != nil:
		return "", err
	case !chosen:
		return "", kit.ErrCancelled
	}
	return path, nil
}

// patterns are the shell patterns of files with these extensions, in any
// case ("mp4" → "*.[mM][pP]4"): a camera's VIDEO.MP4 is a video too.
func patterns(extensions []string) []string {
	out := make([]string, 0, len(extensions))
	for _, ext := range extensions {
		var b strings.Builder
		b.WriteString("*.")
		for _, r := range ext {
			lower, upper := strings.ToLower(string(r)), strings.ToUpper(string(r))
			if lower == upper {
				b.WriteRune(r)
				continue
			}
			b.WriteString("[" + lower + upper + "]")
		}
		out = append(out, b.String())
	}
	return out
}

// fitted is the size the last dialog was given to fit its screen, or
// zeros when it fitted as GTK made it.
func fitted() (width, height int) { return int(C.fitted_w), int(C.fitted_h) }

// fitSize is fit_size, for the tests.
func fitSize(w, h, areaW, areaH int) (int, int) {
	var fw, fh C.int
	C.fit_size(C.int(w), C.int(h), C.int(areaW), C.int(areaH), &fw, &fh)
	return int(fw), int(fh)
}
