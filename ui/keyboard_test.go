package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/jobs"
)

// Issue 23, item 4: the main flow from the keyboard. Return presses a
// focused button (Fyne's own answer only Space); after Start the focus is
// not left on Choose video…, where a second key opened a file dialog; a
// question's yes button has the focus, so Return confirms, and Escape says
// no.
func TestTheMainFlowWorksFromTheKeyboard(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "Keys.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := e.ui.win.Canvas()
	c.Focus(p.Start)
	p.Start.TypedKey(uitest.ReturnKey())
	e.q.Until(t, "the job's row", func() bool { return rowOf(m, "Keys") != nil })
	if f := c.Focused(); f == fyne.Focusable(p.ChooseVideo) {
		t.Error("after Start the focus sits on Choose video…")
	}
	// Tab reaches Start again from the top of the window.
	reached := false
	for range 60 {
		c.FocusNext()
		if c.Focused() == fyne.Focusable(p.ChooseVideo) {
			reached = true
			break
		}
	}
	if !reached {
		t.Error("Tab never reaches Choose video…")
	}

	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Keys") == joblist.Downloaded })
	selectJob(t, m, "Keys")
	tapAction(t, m, jobs.LabelRemove)
	if m.Jobs.Asking == nil {
		t.Fatal("Remove did not ask")
	}
	if f, ok := c.Focused().(fyne.Tappable); !ok || f == nil {
		t.Fatal("the question's button has no focus")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.Jobs.Asking != nil || rowOf(m, "Keys") == nil {
		t.Fatal("Escape did not say no")
	}
	tapAction(t, m, jobs.LabelRemove)
	c.Focused().TypedKey(uitest.ReturnKey())
	e.q.Until(t, "the row gone", func() bool { return rowOf(m, "Keys") == nil })
}

// Issue 23, item 5: after Rename, the details list the files by their new
// names (the disk has them), not the old ones until a restart; Return in
// the name field renames.
func TestRenameShowsTheFilesNewNames(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.start(t, m, "Old.mp4")
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Old") == joblist.Downloaded })
	selectJob(t, m, "Old")
	tapAction(t, m, jobs.LabelRename)
	entry := m.Jobs.Renaming
	if entry == nil || e.ui.win.Canvas().Focused() != fyne.Focusable(entry) {
		t.Fatal("the name field is not focused")
	}
	entry.SetText("")
	test.Type(entry, "New")
	entry.TypedKey(uitest.ReturnKey())
	e.q.Until(t, "the files under the new name", func() bool {
		r := rowOf(m, "New")
		if r == nil || len(r.Files) == 0 {
			return false
		}
		return !slices.ContainsFunc(r.Files, func(f outputs.Saved) bool { return strings.Contains(filepath.Base(f.Path), "Old") })
	})
}

// Tester 3: Escape in one of Settings' fields closes Settings, as it does
// on Close (a change is kept as it is typed).
func TestEscapeInASettingsFieldClosesSettings(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	m.onSettings()
	overlays := e.ui.win.Canvas().Overlays()
	if overlays.Top() == nil {
		t.Fatal("Settings did not open")
	}
	m.SettingsDialog.ConfirmAbove.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := overlays.Top(); top != nil && top.Visible() {
		t.Error("Settings stays open after Escape in its amount field")
	}
}
