package preview

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/clean"
	"singlecam/core/motion/load"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// TestThePlayersCleanUpSwitchesBeforeAndAfter: the window cleans the motion
// by default, shows the numbers, and Before/After switches what is drawn
// (the original as a ghost, planted feet on the floor) without reloading.
func TestThePlayersCleanUpSwitchesBeforeAndAfter(t *testing.T) {
	a := test.NewTempApp(t)
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 60, Seconds: 8, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	w := NewWindow(a, &load.Motion{Clip: c, Chosen: -1}, "walk.glb", nil)
	s := &syncDo{}
	w.Do = s.do
	s.wg.Add(1)
	w.clean(w.CleanUp.Options(), false)
	s.wg.Wait()
	s.mu.Lock()
	if o := w.CleanUp.Options(); o != clean.Default {
		t.Errorf("the section starts at %+v, not the default", o)
	}
	if n := w.CleanUp.Text(); !strings.HasPrefix(n, "Foot skate ") {
		t.Errorf("numbers %q", n)
	}
	func() {
		if w.Player.ShowsCleaned() || w.Player.scene.ghost != nil {
			t.Error("the player starts after clean-up")
		}
		cleaned := w.Player.cleaned.Clip
		w.CleanUp.Show.SetSelected(ShowAfter)
		sc := w.Player.scene
		if sc.clip != cleaned || sc.ghost != c || len(sc.prints) == 0 {
			t.Errorf("after: clip %p (want %p), ghost %p (want %p), %d footprints", sc.clip, cleaned, sc.ghost, c, len(sc.prints))
		}
		pic := sc.prepare(0, w.Player.view.cam, 200, 150, 1)
		if len(pic.Figures) == 0 {
			t.Error("nothing drawn after clean-up")
		}
		w.CleanUp.Show.SetSelected(ShowBefore)
		if sc.clip != c || sc.ghost != nil || len(sc.prints) != 0 {
			t.Error("before: the original is not shown alone")
		}
		w.CleanUp.Show.SetSelected(ShowAfter)
		// Nothing to clean: the player plays the original.
		s.wg.Add(1) // the smoothing's change starts a clean-up the feet's change makes stale
		w.CleanUp.Smooth.SetValue(0)
		w.CleanUp.Feet.SetSelectedIndex(3)
		if w.Player.ShowsCleaned() || sc.clip != c || !strings.HasPrefix(w.CleanUp.Text(), "Nothing to clean up") {
			t.Errorf("off: %q", w.CleanUp.Text())
		}
	}()
	s.wg.Add(1)
	w.CleanUp.Feet.SetSelectedIndex(1) // lock, without smoothing
	// Let the clean-ups' results in only once the select has finished
	// refreshing: nothing else orders them with this goroutine.
	s.mu.Unlock()
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	func() {
		if o := w.CleanUp.Options(); o.Feet != clean.Lock || o.Smooth != 0 {
			t.Errorf("options %+v", o)
		}
		if !w.Player.ShowsCleaned() {
			t.Error("after a new clean-up the player left After")
		}
	}()
}

// TestDescribeWritesNoNegativeZero: a foot a hair below the floor before
// and after reads "0.0", not "-0.0" (the demo job's numbers did).
func TestDescribeWritesNoNegativeZero(t *testing.T) {
	got := Describe([]clean.Report{{Legs: true,
		Before: clean.Numbers{Lowest: -0.04, Skate: -0.01},
		After:  clean.Numbers{Lowest: math.Copysign(0, -1), Jitter: -0.2, SwingKept: 100}}})
	if strings.Contains(got, "-0") || !strings.Contains(got, "lowest foot 0.0 → 0.0 cm") || !strings.Contains(got, "planted feet 0.0 → 0.0 cm") {
		t.Errorf("Describe = %q", got)
	}
}

// TestDescribeSaysWhatGotWorse: floating planted feet show in the numbers
// (lowest to highest), and a number clean-up made worse is said in words.
func TestDescribeSaysWhatGotWorse(t *testing.T) {
	got := Describe([]clean.Report{{Legs: true,
		Before: clean.Numbers{Skate: 9.2, Jitter: 38, PlantedLow: -19, PlantedHigh: 24, Lowest: -19.4},
		After:  clean.Numbers{Skate: 27, Jitter: 38, SwingKept: 100}}})
	for _, want := range []string{"planted feet -19.0 to +24.0 → 0.0 cm", "\nWorse after clean-up: foot skate 9.2 → 27.0 cm/s."} {
		if !strings.Contains(got, want) {
			t.Errorf("Describe = %q, want %q in it", got, want)
		}
	}
}

// TestTheNumbersStandInATable: each number under its name, before → after
// with a true minus sign, in one band in the player and two in a dialog;
// what got worse is said in words under it; a message hides the table; the
// help opens under the section when there is no window to open it over.
func TestTheNumbersStandInATable(t *testing.T) {
	test.NewTempApp(t)
	r := clean.Report{Legs: true,
		Before: clean.Numbers{Skate: 9.2, Jitter: 38, PlantedLow: -19, PlantedHigh: 24, Lowest: -19.4},
		After:  clean.Numbers{Skate: 27, Jitter: 19, Fidelity: 1.24, SwingKept: 97}}
	for _, tc := range []struct {
		name   string
		toggle bool
		bands  int
	}{{"player", true, 1}, {"dialog", false, 2}} {
		c := NewCleanUp(clean.Default, tc.toggle)
		c.SetReports([]clean.Report{r})
		var cells []string
		for _, o := range c.table.Objects {
			cells = append(cells, o.(*widget.Label).Text)
		}
		per := len(numberNames) / tc.bands
		want := []string{"Foot skate", "9.2 \u2192 27.0 cm/s", "Planted feet, from the floor", "\u221219.0 to +24.0 \u2192 0.0 cm", "\u221219.4 \u2192 0.0 cm", "1.2 cm at most", "97 %", "\u221250 %"}
		if len(cells) != 2*len(numberNames) || !c.Table.Visible() || c.perRow != per {
			t.Fatalf("%s: %d cells in bands of %d: %q", tc.name, len(cells), c.perRow, cells)
		}
		for _, w := range want {
			if !slices.Contains(cells, w) {
				t.Errorf("%s: no cell %q in %q", tc.name, w, cells)
			}
		}
		// Each name stands over its number.
		for i, n := range numberNames {
			band, col := i/per, i%per
			if got := cells[band*2*per+col]; got != n {
				t.Errorf("%s: column %d of band %d is %q, want %q", tc.name, col, band, got, n)
			}
		}
		if !c.Numbers.Visible() || !strings.HasPrefix(c.Numbers.Text, "Worse after clean-up: foot skate") || c.Text() != Describe([]clean.Report{r}) {
			t.Errorf("%s: words %q, text %q", tc.name, c.Numbers.Text, c.Text())
		}
		if tc.toggle && c.keep.Visible() {
			t.Errorf("%s: the hint shows beside the words on what got worse", tc.name)
		}
		c.SetReports([]clean.Report{{Legs: true, Before: clean.Numbers{Skate: 3}, After: clean.Numbers{SwingKept: 100}}})
		if c.Numbers.Visible() || (tc.toggle && !c.keep.Visible()) {
			t.Errorf("%s: nothing got worse, yet the words say %q", tc.name, c.Numbers.Text)
		}
		c.SetMessage("Cleaning up…")
		if c.Table.Visible() || c.Numbers.Text != "Cleaning up…" || c.Text() != "Cleaning up…" {
			t.Errorf("%s: a message leaves the table shown or says %q", tc.name, c.Numbers.Text)
		}
		test.Tap(c.Help)
		if !c.HelpText.Visible() {
			t.Errorf("%s: the help does not open", tc.name)
		}
		test.Tap(c.Help)
		if c.HelpText.Visible() {
			t.Errorf("%s: the help does not close", tc.name)
		}
	}
}

// TestWhatTheFileHoldsIsSaidFirst: the Apply window's sentence stands
// above the numbers, and goes with them.
func TestWhatTheFileHoldsIsSaidFirst(t *testing.T) {
	test.NewTempApp(t)
	c := NewCleanUp(clean.Default, false)
	r := clean.Report{Legs: true, Before: clean.Numbers{Skate: 3}, After: clean.Numbers{SwingKept: 100}}
	c.SetReportsAfter(CleanSentence(clean.Default), []clean.Report{r})
	if !c.Intro.Visible() || !strings.HasPrefix(c.Intro.Text, "Cleaned up before writing") || !strings.HasPrefix(c.Text(), "Cleaned up before writing") {
		t.Errorf("intro %q, text %q", c.Intro.Text, c.Text())
	}
	if c.Numbers.Visible() {
		t.Errorf("nothing got worse, yet the words say %q", c.Numbers.Text)
	}
	c.SetMessage("Not cleaned up")
	if c.Intro.Visible() {
		t.Error("the sentence stays with a message")
	}
}

// TestTheCleanUpFitsASmallWindow: at 900×600 the player keeps a third of
// the window's height and every part of the Clean up section, down to What
// the numbers mean, is inside the window, the table's columns wholly in
// sight (its help once sat under the window's bottom edge).
func TestTheCleanUpFitsASmallWindow(t *testing.T) {
	a := test.NewTempApp(t)
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 60, Seconds: 4, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	w := NewWindow(a, &load.Motion{Clip: c, Chosen: -1}, "walk.glb", nil)
	w.SetActions(widget.NewButton("Export for…", nil))
	w.OfferApply(func() {})
	w.Show() // a short clip cleans at once
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600)) // laid out with the numbers in
	if !w.CleanUp.Table.Visible() {
		t.Fatalf("no numbers: %q", w.CleanUp.Text())
	}
	d := a.Driver()
	size := w.Canvas().Size()
	if h := w.Player.Size().Height; h < size.Height/3 {
		t.Errorf("the player is %.0f px tall of %.0f", h, size.Height)
	}
	for name, o := range map[string]fyne.CanvasObject{"Show": w.CleanUp.Show, "the table": w.CleanUp.Table, "the help": w.CleanUp.Help} {
		p := d.AbsolutePositionForObject(o)
		if p.Y < 0 || p.Y+o.Size().Height > size.Height+0.5 || p.X+o.Size().Width > size.Width+0.5 {
			t.Errorf("%s is at %v, %v: outside the %v window", name, p, o.Size(), size)
		}
	}
	if need, got := w.CleanUp.table.MinSize().Width, w.CleanUp.Table.Size().Width; need > got {
		t.Errorf("the table needs %.0f px and has %.0f", need, got)
	}
}

// TestAWalkInPlaceIsSaid: Auto leaves a walk cycle in place as it is, and
// the section says why its feet still slide; under Lock it says nothing.
func TestAWalkInPlaceIsSaid(t *testing.T) {
	test.NewTempApp(t)
	r := clean.Report{Legs: true, InPlace: true, Before: clean.Numbers{Skate: 21.7}, After: clean.Numbers{Skate: 21.5, SwingKept: 100}}
	c := NewCleanUp(clean.Default, true)
	c.SetReports([]clean.Report{r})
	if c.Numbers.Text != InPlaceNote || !strings.HasSuffix(c.Text(), InPlaceNote) {
		t.Errorf("auto: words %q, text %q", c.Numbers.Text, c.Text())
	}
	c.Feet.SetSelectedIndex(1) // lock
	c.SetReports([]clean.Report{r})
	if c.Numbers.Visible() || strings.Contains(c.Text(), InPlaceNote) {
		t.Errorf("lock: words %q", c.Numbers.Text)
	}
}
