//go:build linux

package native

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"singlecam/ui/kit"
)

func TestPatternsMatchAnExtensionInEitherCase(t *testing.T) {
	for _, tc := range []struct {
		extensions []string
		want       []string
	}{
		{nil, []string{}},
		{[]string{"mp4"}, []string{"*.[mM][pP]4"}},
		{[]string{"glb", "vrm"}, []string{"*.[gG][lL][bB]", "*.[vV][rR][mM]"}},
		{[]string{"7z"}, []string{"*.7[zZ]"}},
	} {
		if got := patterns(tc.extensions); !slices.Equal(got, tc.want) {
			t.Errorf("patterns(%q) = %q, want %q", tc.extensions, got, tc.want)
		}
	}
}

// The tests below run in this order: the first needs GTK not loaded yet.

func TestWithoutGTKADialogSaysSoInsteadOfStopping(t *testing.T) {
	defer func(name string) {
		gtkLibrary = name
		gtk.once, gtk.err = sync.Once{}, nil // the failed start's thread has ended
	}(gtkLibrary)
	gtkLibrary = "libgtk-not-installed.so.0"
	_, err := Picker{}.Open("Choose a video", "Videos", []string{"mp4"}, "")
	if !errors.Is(err, ErrNoGTK) {
		t.Fatalf("Open without GTK: %v, want ErrNoGTK", err)
	}
	if _, again := (Picker{}).Folder("Choose a folder", ""); !errors.Is(again, ErrNoGTK) {
		t.Errorf("a second dialog without GTK: %v, want ErrNoGTK", again)
	}
}

// needsDisplay skips where GTK has no display to start on (go test outside
// Xvfb); `xvfb-run -a go test ./ui/native` runs these.
func needsDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		t.Skip("no display for GTK's dialogs")
	}
}

func TestADialogLoadsGTKWhenItOpensAndCancelIsCancelled(t *testing.T) {
	needsDisplay(t)
	dir := t.TempDir()
	_, err := choose("Choose a video", 0, "_Open", "Videos", patterns([]string{"mp4"}), dir, -6)
	if !errors.Is(err, kit.ErrCancelled) {
		t.Fatalf("a cancelled file dialog: %v, want kit.ErrCancelled", err)
	}
}

func TestAFolderDialogAnswersTheFolderItOpenedIn(t *testing.T) {
	needsDisplay(t)
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	got, err := choose("Choose a folder", 2, "_Select", "", nil, dir, -3)
	if err != nil {
		t.Fatalf("an accepted folder dialog: %v", err)
	}
	if got != dir {
		t.Errorf("the folder dialog opened in %s answered %q", dir, got)
	}
}

// Issue 23: GTK's file chooser opened at about 1100×820 (its default, or
// the size the last one was left at), past the bottom of an 800 px screen
// with Open and Cancel below its edge. A dialog too big for the screen is
// brought within nine tenths of its work area; one that fits is left.
func TestADialogTooBigForTheScreenIsFitted(t *testing.T) {
	for _, tc := range []struct{ w, h, areaW, areaH, wantW, wantH int }{
		{1096, 822, 1280, 800, 1096, 720}, // GTK's default on a 1280×800 screen
		{1096, 822, 1920, 1080, 0, 0},     // fits: left as it is
		{1500, 900, 1024, 768, 921, 691},
		{700, 500, 1280, 800, 0, 0},
	} {
		if w, h := fitSize(tc.w, tc.h, tc.areaW, tc.areaH); w != tc.wantW || h != tc.wantH {
			t.Errorf("%d×%d on %d×%d: %d×%d, want %d×%d", tc.w, tc.h, tc.areaW, tc.areaH, w, h, tc.wantW, tc.wantH)
		}
	}
	needsDisplay(t)
	if _, err := choose("Choose a video", 0, "_Open", "Videos", patterns([]string{"mp4"}), t.TempDir(), -6); !errors.Is(err, kit.ErrCancelled) {
		t.Fatal(err)
	}
	w, h := fitted()
	t.Logf("the dialog was given %d×%d (0×0: it fitted as GTK made it)", w, h)
}
