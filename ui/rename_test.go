package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/ui/jobs"
)

// windowTitled is the open window whose title starts with prefix, or nil.
func (e *testEnv) windowTitled(prefix string) fyne.Window {
	for _, w := range e.ui.app.Driver().AllWindows() {
		if strings.HasPrefix(w.Title(), prefix) {
			return w
		}
	}
	return nil
}

// windowButton finds the button labelled text in w, its dialogs first.
func windowButton(w fyne.Window, text string) *widget.Button {
	for _, o := range w.Canvas().Overlays().List() {
		if b := deepButton(o, text); b != nil {
			return b
		}
	}
	return deepButton(w.Content(), text)
}

// Tester 3: a job renamed while its player and Apply to a character… are
// open moves its folder and files; both windows follow the file to its new
// name (titles, Export, Save), instead of Export saying the file is gone.
func TestOpenWindowsFollowARenamedJobsFile(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.start(t, m, "Old.mp4") // ALL_BVH
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Old") == joblist.Downloaded })
	selectJob(t, m, "Old")
	test.Tap(button(m.Jobs.Details, "Preview"))
	e.q.Until(t, "the player", func() bool { return e.windowTitled("Old (") != nil })
	player := e.windowTitled("Old (")
	test.Tap(button(m.Jobs.Details, "Apply to a character…"))
	e.q.Until(t, "the apply window", func() bool { return e.ui.applyWindow != nil })
	apply := e.ui.applyWindow

	tapAction(t, m, jobs.LabelRename)
	m.Jobs.Renaming.SetText("New")
	m.Jobs.Renaming.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.q.Until(t, "the job renamed", func() bool { return rowOf(m, "New") != nil && strings.Contains(m.Status.Text, "Renamed") })
	newFolder := filepath.Join(e.dir, "downloads", "New")
	if _, err := os.Stat(filepath.Join(e.dir, "downloads", "Old")); !os.IsNotExist(err) {
		t.Fatalf("the old folder is still there (%v): nothing moved, nothing to follow", err)
	}

	if got := player.Title(); got != "New (all characters bvh.zip) — Singlecam preview" {
		t.Errorf("player titled %q after the rename", got)
	}
	if got, want := apply.MotionPath(), filepath.Join(newFolder, "New - all characters bvh.zip"); got != want || apply.Title() != "New on a character — Singlecam" {
		t.Errorf("apply window on %q titled %q, want %q", got, apply.Title(), want)
	}
	test.Tap(windowButton(player, "Export for…"))
	e.q.Until(t, "the export dialog, not a file gone", func() bool {
		return windowButton(player, "Export") != nil || windowButton(player, "OK") != nil
	})
	if windowButton(player, "Export") == nil {
		t.Fatal("Export for… in the player said its file is not there any more")
	}
	test.Tap(windowButton(player, "Export"))
	// Named after the job as it is called now (tester 4: the old name).
	want := filepath.Join(newFolder, "New - blender.glb")
	e.q.Until(t, "the export beside the renamed file, under the job's new name", func() bool {
		_, err := os.Stat(want)
		return err == nil
	})
	if _, err := os.Stat(filepath.Join(e.dir, "downloads", "Old")); !os.IsNotExist(err) {
		t.Errorf("the export made the old folder again (%v); wrote %s", err, want)
	}

	// A closed window is forgotten: a later rename reaches only open ones.
	player.Close()
	apply.Close()
	if n := len(e.ui.following.all); n != 0 {
		t.Errorf("%d closed windows still follow renames", n)
	}
}
