package preview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion"
	"singlecam/core/motion/load"
)

func TestAWindowOffersTheFilesOtherAnimations(t *testing.T) {
	a := test.NewTempApp(t)
	m := &load.Motion{Clip: motion.DemoClip(1, 30), Chosen: 1,
		Animations: []load.Animation{{Name: "Idle", Duration: time.Second}, {Name: "", Duration: 3 * time.Second}}}
	var chosen []int
	w := NewWindow(a, m, "two.glb", func(i int) { chosen = append(chosen, i) })
	if w.Title() != "two.glb — Singlecam preview" || w.Animations == nil {
		t.Fatalf("title %q, choice %v", w.Title(), w.Animations)
	}
	if got := w.Animations.Selected; got != "Animation 2 (0:03.00)" {
		t.Errorf("shown as chosen: %q", got)
	}
	w.Animations.SetSelectedIndex(0)
	if len(chosen) != 1 || chosen[0] != 0 {
		t.Errorf("choosing Idle asked for %v", chosen)
	}
	old := w.Player
	old.Play()
	w.SetMotion(&load.Motion{Clip: motion.DemoClip(1, 10), Chosen: 0, Animations: m.Animations})
	if old.Playing() || w.Player == old || w.Animations.SelectedIndex() != 0 {
		t.Error("the new animation did not replace the old one, stopped")
	}
	// Keys typed anywhere in the window reach the player.
	w.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.Player.Frame() != 1 {
		t.Errorf("right arrow in the window: frame %d", w.Player.Frame())
	}
	w.Player.Play()
	w.Close()
	if w.Player.anim != nil || w.Player.Playing() {
		t.Error("closing the window left the clock running")
	}

	single := NewWindow(a, &load.Motion{Clip: motion.DemoClip(1, 5), Chosen: -1}, "walk.bvh", nil)
	if single.Animations != nil {
		t.Error("a file with one animation offers a choice")
	}
}

func TestAWindowSaysHowTheFileWasReadAndReadsItAgain(t *testing.T) {
	a := test.NewTempApp(t)
	m := &load.Motion{Clip: motion.DemoClip(1, 30), Chosen: 0,
		Animations: []load.Animation{{Name: "Idle", Duration: time.Second}, {Name: "Walk", Duration: 3 * time.Second}},
		Space:      load.Space{Up: "Z", UpFound: true, MetresPerUnit: 0.01, UnitsFound: true}}
	w := NewWindow(a, m, "blender.bvh", nil)
	if w.SpaceNote == nil || w.SpaceNote.Text != "Read as Z up, centimetres (found from the figure)" || w.ChangeSpace != nil {
		t.Fatalf("without a way to read again: note %v, change %v", w.SpaceNote, w.ChangeSpace)
	}
	var asked []load.Options
	w.OfferReopen(load.Options{Animation: 0, Units: "cm"}, func(o load.Options) { asked = append(asked, o) })
	if w.ChangeSpace == nil || w.Animations == nil {
		t.Fatal("no Change… button or no choice of animation once the window can read the file again")
	}
	w.Animations.SetSelectedIndex(1)
	if len(asked) != 1 || asked[0].Animation != 1 || asked[0].Units != "cm" {
		t.Errorf("choosing Walk asked for %+v", asked)
	}
	// An export reads what the window plays.
	w.SetMotion(&load.Motion{Clip: motion.DemoClip(1, 30), Chosen: 1, Animations: m.Animations, Space: m.Space})
	if o := w.Options(); o.Animation != 1 || o.Units != "cm" {
		t.Errorf("the window's reading options %+v", o)
	}
	test.Tap(w.ChangeSpace)
	if w.spaceDialog == nil {
		t.Error("Change… opened no dialog")
	}
}

// The menu of animations and the player's clock give the chosen
// animation's length as the same number: what the file lists is what plays.
func TestTheMenuAndTheClockAgreeOnALength(t *testing.T) {
	a := test.NewTempApp(t)
	c := motion.DemoClip(1, 24) // 24 keys at 24 fps: 23/24 s, 0.958…
	c.FPS = 24
	m := &load.Motion{Clip: c, Chosen: 1,
		Animations: []load.Animation{{Name: "Idle", Duration: time.Second}, {Name: "Walking", Duration: c.Duration()}}}
	w := NewWindow(a, m, "robot.glb", func(int) {})
	if got := w.Animations.Selected; got != "Walking (0:00.96)" {
		t.Errorf("the menu says %q", got)
	}
	if got := w.Player.Time.Text; !strings.HasPrefix(got, "0:00.00 / 0:00.96 ") {
		t.Errorf("the clock says %q", got)
	}
	w.Player.Seek(23)
	if got := w.Player.Time.Text; !strings.HasPrefix(got, "0:00.96 / 0:00.96 ") {
		t.Errorf("on the last frame the clock says %q", got)
	}
}

// Change… says what the figure gave, offers a scale of one's own (as
// --source-scale), warns before a reading makes the figure no person's
// size, and reading again keeps playing where it was.
func TestChangeSaysWhatWasFoundWarnsAndKeepsPlaying(t *testing.T) {
	a := test.NewTempApp(t)
	// CMU's capture as read: 25.9 units to the head, in CMU's unit.
	space := load.Space{Up: "Y", MetresPerUnit: load.CMUUnit, UnitsFound: true, Height: 25.9 * load.CMUUnit}
	m := &load.Motion{Clip: motion.DemoClip(1, 60), Chosen: -1, Space: space}
	w := NewWindow(a, m, "cmu_01_01.bvh", nil)
	var asked []load.Options
	w.OfferReopen(load.Options{Animation: -1}, func(o load.Options) {
		asked = append(asked, o)
		s := space
		s.MetresPerUnit, s.UnitsFound, s.Height = o.Scale, false, 25.9*o.Scale
		if o.Units == "cm" {
			s.MetresPerUnit, s.Height = 0.01, 0.259
		}
		w.SetMotion(&load.Motion{Clip: motion.DemoClip(1, 60), Chosen: -1, Space: s})
	})
	w.Player.Play()
	w.Player.Seek(20)
	test.Tap(w.ChangeSpace)
	ask := w.SpaceAsk
	if ask == nil {
		t.Fatal("Change… opened no dialog")
	}
	if got := ask.Found.Text; got != "Y up, CMU's unit (0.056444 m)" {
		t.Errorf("found: %q", got)
	}
	if got := ask.Units.Selected; got != "As found: CMU's unit (0.056444 m)" {
		t.Errorf("units shown as %q", got)
	}
	if got := ask.Size.Text; got != "The figure will be 1.46 m tall." || ask.Scale.Disabled() == false {
		t.Errorf("as found: %q, scale entry disabled %v", got, ask.Scale.Disabled())
	}
	ask.Units.SetSelected("Centimetres")
	if got := ask.Size.Text; got != "The figure would be 26 cm tall, not a person's size: check the unit." || ask.Size.Importance != widget.DangerImportance {
		t.Errorf("in centimetres: %q", got)
	}
	ask.Units.SetSelected("Metres per unit…")
	if ask.Scale.Disabled() || ask.Scale.Validate() == nil {
		t.Error("a scale of one's own cannot be typed, or an empty one is taken")
	}
	test.Type(ask.Scale, "0.0657")
	if got := ask.Size.Text; got != "The figure will be 1.70 m tall." {
		t.Errorf("at 0.0657 m per unit: %q", got)
	}
	ask.Apply()
	if len(asked) != 1 || asked[0].Scale != 0.0657 || asked[0].Units != "" || asked[0].Up != "auto" {
		t.Errorf("read again with %+v", asked)
	}
	if !w.Player.Playing() || w.Player.Frame() != 20 {
		t.Errorf("after reading again: playing %v at frame %d", w.Player.Playing(), w.Player.Frame())
	}
	if w.SpaceNote.Text != "Read as Y up, 0.0657 m per unit" {
		t.Errorf("note: %q", w.SpaceNote.Text)
	}
	// Asked again, it still says what the figure gave, and shows the scale told.
	test.Tap(w.ChangeSpace)
	if ask := w.SpaceAsk; ask.Found.Text != "Y up, CMU's unit (0.056444 m)" || ask.Scale.Text != "0.0657" {
		t.Errorf("asked again: %q, scale %q", ask.Found.Text, ask.Scale.Text)
	}
	w.Close()
}

// A file opened with its unit told (preview --source-units cm) cannot say
// what the figure would give: Change… says what was told, and offers to
// find it.
func TestChangeOnAFileReadAsToldOffersToFind(t *testing.T) {
	a := test.NewTempApp(t)
	m := &load.Motion{Clip: motion.DemoClip(1, 10), Chosen: -1, Space: load.Space{Up: "Y", MetresPerUnit: 0.01, Height: 1.7}}
	w := NewWindow(a, m, "walk.bvh", nil)
	var asked []load.Options
	w.OfferReopen(load.Options{Animation: -1, Units: "cm"}, func(o load.Options) { asked = append(asked, o) })
	test.Tap(w.ChangeSpace)
	ask := w.SpaceAsk
	if ask.Units.Selected != "Centimetres" || ask.Units.Options[0] != "Find from the figure" || ask.Found.Text != "Y up, centimetres" {
		t.Errorf("units %q of %q, found %q", ask.Units.Selected, ask.Units.Options, ask.Found.Text)
	}
	ask.Units.SetSelectedIndex(0)
	ask.Apply()
	if len(asked) != 1 || asked[0].Units != "auto" || asked[0].Scale != 0 {
		t.Errorf("asked for %+v", asked)
	}
	w.Close()
}
