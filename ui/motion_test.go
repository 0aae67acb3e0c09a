package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/ui/kit"
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
	e.q.Until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
	if got := e.previewWindows(); got[0] != "walk.bvh — Singlecam preview" {
		t.Errorf("window %q", got[0])
	}
	e.q.Until(t, "the video in the panel", func() bool { return !m.NewTake.Start.Disabled() })
	e.ui.dropped([]string{broken})
	e.q.Until(t, "a word on the broken file", func() bool { return strings.Contains(m.Status.Text, "could not be read") })
	if len(e.previewWindows()) != 1 {
		t.Error("a broken file opened a window")
	}
}

// button finds the button labelled text among o and its children.
func button(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *kit.Button:
		if x.Text == text {
			return &x.Button
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := button(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestPreviewPlaysAFinishedJobsMotion(t *testing.T) {
	for _, auto := range []bool{true, false} {
		t.Run(fmt.Sprintf("auto-download %v", auto), func(t *testing.T) {
			e := newTestEnv(t)
			e.ui.app.Preferences().SetBool(kit.PrefAutoDownload, auto)
			m := e.signedIn(t)
			e.start(t, m, "Wave.mp4") // ALL_BVH: a ZIP of BVH files
			want := joblist.Finished
			if auto {
				want = joblist.Downloaded
			}
			e.q.Until(t, "the job done", func() bool { return phaseOf(m, "Wave") == want })
			m.Jobs.List.Select(0)
			// Finished comes before the outputs' URLs do ("Move is preparing
			// the files"): the button shows once they are there.
			var preview *widget.Button
			e.q.Until(t, "a Preview button on the finished job with a BVH output", func() bool {
				preview = button(m.Jobs.Details, "Preview")
				return preview != nil
			})
			test.Tap(preview)
			e.q.Until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
			if got := e.previewWindows()[0]; got != "Wave (all characters bvh.zip) — Singlecam preview" {
				t.Errorf("window %q", got)
			}
			if _, err := os.Stat(filepath.Join(e.dir, "downloads", "Wave", "Wave - all characters bvh.zip")); err != nil {
				t.Errorf("the motion was not saved in the job's folder: %v", err)
			}
		})
	}
}

// Tester 2: a motion file handed over by a later launch (the file
// manager's Open With) opens the player, as a drop does, instead of being
// refused as "not a video".
func TestAMotionFileOpenedWithTheAppOpensThePlayer(t *testing.T) {
	e := newTestEnv(t)
	e.signedIn(t)
	walk := filepath.Join(e.dir, "walk.bvh")
	f, err := os.Create(walk)
	if err != nil {
		t.Fatal(err)
	}
	if err := bvh.Write(f, motion.DemoClip(1, 30), 0, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	e.ui.Open([]string{walk})
	e.q.Until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
}
