package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
)

func TestPreviewRefusesWhatItCannotPlayBeforeAnyWindow(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	opened := false
	newApp := func() fyne.App { opened = true; return test.NewTempApp(t) }
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{nil, 2, "Usage: singlecam preview"},
		{[]string{notes}, 1, "VRM Animation (.vrma) and BVH files"},
		{[]string{filepath.Join(dir, "gone.bvh")}, 1, "gone.bvh”: check its name and folder"},
	} {
		var stderr bytes.Buffer
		if code := runPreview(c.args, Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, NewApp: newApp}); code != c.code || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("preview %v: exit %d, said %q; want %d and %q", c.args, code, stderr.String(), c.code, c.says)
		}
	}
	if opened {
		t.Error("a window opened for a file that cannot play")
	}
}

func TestPreviewOpensAWindowWithThePlayer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "walk.bvh")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := bvh.Write(f, motion.DemoClip(1, 60), 0, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var a fyne.App
	newApp := func() fyne.App { a = test.NewTempApp(t); return a }
	// The test driver's ShowAndRun returns at once.
	if code := runPreview([]string{path}, Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, NewApp: newApp}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	found := false
	for _, w := range a.Driver().AllWindows() {
		found = found || w.Title() == "walk.bvh — Singlecam preview"
	}
	if !found {
		t.Error("no window plays the file")
	}
}
