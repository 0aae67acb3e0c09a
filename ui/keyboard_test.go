package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/jobs"
	"singlecam/ui/kit"
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

// Tester 3: Escape was ignored while one of Settings' radios (Look) or
// checks had the focus. It closes Settings from every stop of Tab.
func TestEscapeClosesSettingsWhateverHasTheFocus(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	c := e.ui.win.Canvas()
	open := func() {
		t.Helper()
		m.onSettings()
		if top := c.Overlays().Top(); top == nil || !top.Visible() {
			t.Fatal("Settings did not open")
		}
	}
	open()
	first := c.Focused()
	stops := 1
	for c.FocusNext(); c.Focused() != first && stops < 50; c.FocusNext() {
		stops++
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if stops < 8 {
		t.Fatalf("Tab stops in Settings: %d", stops)
	}
	kinds := map[string]bool{}
	for i := range stops {
		open()
		for range i {
			c.FocusNext()
		}
		f := c.Focused()
		kind := fmt.Sprintf("%T", f)
		kinds[kind] = true
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if top := c.Overlays().Top(); top != nil && top.Visible() {
			t.Errorf("stop %d (%s): Settings stays open after Escape", i, kind)
			c.Overlays().Top().Hide()
		}
	}
	for _, want := range []string{"*kit.Button", "*kit.Check", "*kit.Entry"} {
		if !kinds[want] {
			t.Errorf("no %s among the stops %v", want, kinds)
		}
	}
}

// chains are the focus's stops with Tab from nothing, and with Shift+Tab
// from nothing, in the order each visits them.
func chains(c fyne.Canvas) (tab, back []fyne.Focusable) {
	walk := func(step func()) []fyne.Focusable {
		c.Unfocus()
		step()
		first := c.Focused()
		var out []fyne.Focusable
		for f := first; f != nil && len(out) < 300; {
			out = append(out, f)
			step()
			if f = c.Focused(); f == first {
				break
			}
		}
		return out
	}
	return walk(c.FocusNext), walk(c.FocusPrevious)
}

// name says which widget a stop is, for messages.
func name(f fyne.Focusable) string {
	switch x := f.(type) {
	case *kit.Button:
		return x.Text
	case *widget.Button:
		return x.Text
	}
	return fmt.Sprintf("%T", f)
}

// Issue 23: Tab and Shift+Tab seemed to visit widgets in different orders.
// Fyne's focus manager walks the tree in the order objects were added, and
// Fyne's NewBorder adds the middle before the top: the main window's
// Settings (top right) came last and a player's buttons (above it) after
// it. In reading order now, Shift+Tab visits the stops of Tab backwards.
func TestTabFollowsReadingOrderBothWays(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.start(t, m, "Walk.mp4")
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Walk") == joblist.Downloaded })
	selectJob(t, m, "Walk")
	test.Tap(button(m.Jobs.Details, "Preview"))
	e.q.Until(t, "the player", func() bool { return e.windowTitled("Walk (") != nil })
	player := e.windowTitled("Walk (")
	for _, c := range []struct {
		window string
		canvas fyne.Canvas
		before []string // stops in this order (others between them)
	}{
		{"main", e.ui.win.Canvas(), []string{"Settings", "Choose video…", "*kit.Check", "*kit.List", "Open folder"}},
		{"player", player.Canvas(), []string{"Apply to a character…", "Export for…", "*preview.viewport", "*kit.Slider", "*kit.Select", "*kit.Check",
			"*kit.Select", "*kit.Slider", "Before", "After"}}, // the timeline, speed, loop, then the feet and the smoothing
	} {
		tab, back := chains(c.canvas)
		slices.Reverse(back)
		if !slices.Equal(tab, back) {
			var a, b []string
			for i := range tab {
				a = append(a, name(tab[i]))
			}
			for i := range back {
				b = append(b, name(back[i]))
			}
			t.Errorf("%s: Shift+Tab is not Tab backwards:\n tab  %q\n back %q", c.window, a, b)
		}
		at := 0
		for _, want := range c.before {
			i := slices.IndexFunc(tab[at:], func(f fyne.Focusable) bool { return name(f) == want })
			if i < 0 {
				t.Errorf("%s: no %q after stop %d", c.window, want, at)
				break
			}
			at += i + 1
		}
	}
}

// Tester 4: "Reset the demo" was the focused default of its question, so a
// Return out of habit reset it. Settings' questions that cannot be undone
// focus Cancel.
func TestSettingsQuestionsThatCannotBeUndoneFocusCancel(t *testing.T) {
	e := newTestEnv(t)
	e.signedIn(t)
	e.ui.main.onSettings()
	test.Tap(e.ui.main.SettingsDialog.ForgetKey)
	e.q.Settle()
	f, ok := e.ui.win.Canvas().Focused().(*kit.Button)
	if !ok || f.Text != "Cancel" {
		t.Fatalf("the question's focus: %v", e.ui.win.Canvas().Focused())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.q.Settle()
	if _, _, err := e.keys.lookup(); err != nil {
		t.Errorf("Return forgot the key: %v", err)
	}
}
