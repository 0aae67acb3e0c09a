package preview

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
	if n := w.CleanUp.Numbers.Text; !strings.HasPrefix(n, "Foot skate ") {
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
		if w.Player.ShowsCleaned() || sc.clip != c || !strings.HasPrefix(w.CleanUp.Numbers.Text, "Nothing to clean up") {
			t.Errorf("off: %q", w.CleanUp.Numbers.Text)
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
