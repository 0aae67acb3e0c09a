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
