package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
)

// previewWindows are the open windows playing a file.
func (e *testEnv) previewWindows() []string {
	var titles []string
	for _, w := range e.ui.app.Driver().AllWindows() {
		if strings.HasSuffix(w.Title(), "Singlecam preview") {
			titles = append(titles, w.Title())
		}
	}
	return titles
}

func TestDroppingAMotionFileOpensThePlayerAndAVideoGoesToThePanel(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	walk := filepath.Join(e.dir, "walk.bvh")
	f, err := os.Create(walk)
	if err != nil {
		t.Fatal(err)
	}
	if err := bvh.Write(f, motion.DemoClip(1, 30), 0, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	broken := e.file(t, "broken.glb", 100)
	video := e.video(t, "Jump.mp4")

	e.ui.dropped([]string{walk, video})
	e.q.until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
	if got := e.previewWindows(); got[0] != "walk.bvh — Singlecam preview" {
		t.Errorf("window %q", got[0])
	}
	e.q.until(t, "the video in the panel", func() bool { return !m.NewTake.Start.Disabled() })
	e.ui.dropped([]string{broken})
	e.q.until(t, "a word on the broken file", func() bool { return strings.Contains(m.Status.Text, "could not be read") })
	if len(e.previewWindows()) != 1 {
		t.Error("a broken file opened a window")
	}
}
