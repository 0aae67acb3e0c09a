package preview

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
)

func TestSpacePlaysAtTheClipsRateAndPauses(t *testing.T) {
	p, _, now := newTestPlayer(t)
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !p.Playing() || p.anim == nil {
		t.Fatal("Space did not start playing")
	}
	*now = now.Add(time.Second)
	p.tick()
	if p.Frame() != 30 {
		t.Errorf("after one second of a 30 fps clip: frame %d, want 30", p.Frame())
	}
	if !strings.Contains(p.Time.Text, "0:01.00") || !strings.Contains(p.Time.Text, "frame 31 / 90") || p.Scrub.Value != 30 {
		t.Errorf("time %q and scrub bar %v do not follow the frame", p.Time.Text, p.Scrub.Value)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	*now = now.Add(time.Second)
	p.tick()
	if p.Playing() || p.anim != nil || p.Frame() != 30 {
		t.Errorf("paused: playing %v, clock running %v, frame %d (want 30)", p.Playing(), p.anim != nil, p.Frame())
	}
}

func TestTheButtonsPlayAndStep(t *testing.T) {
	p, _, _ := newTestPlayer(t)
	test.Tap(p.Forward)
	test.Tap(p.Forward)
	test.Tap(p.Back)
	if p.Frame() != 1 {
		t.Errorf("two steps on and one back: frame %d, want 1", p.Frame())
	}
	test.Tap(p.PlayPause)
	if !p.Playing() {
		t.Error("the play button did not play")
	}
	test.Tap(p.Forward)
	if p.Playing() || p.Frame() != 2 {
		t.Errorf("a step while playing should pause on the next frame: playing %v, frame %d", p.Playing(), p.Frame())
	}
}

func TestArrowsStepAndStopAtTheEnds(t *testing.T) {
	p, _, _ := newTestPlayer(t)
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if p.Frame() != 0 {
		t.Errorf("left at the start: frame %d", p.Frame())
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if p.Frame() != 1 {
		t.Errorf("right: frame %d, want 1", p.Frame())
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if p.Frame() != 89 {
		t.Errorf("right at the end: frame %d, want 89", p.Frame())
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if p.Frame() != 0 {
		t.Errorf("Home: frame %d", p.Frame())
	}
}

func TestTheScrubBarSeeks(t *testing.T) {
	p, _, now := newTestPlayer(t)
	p.Scrub.SetValue(45)
	// 90 keys at 30 fps: the last is at 89/30 s.
	if p.Frame() != 45 || !strings.Contains(p.Time.Text, "0:01.50 / 0:02.97") {
		t.Errorf("scrubbed to 45: frame %d, time %q", p.Frame(), p.Time.Text)
	}
	p.Play()
	*now = now.Add(100 * time.Millisecond)
	p.tick()
	if p.Frame() != 48 {
		t.Errorf("playing on from the scrubbed frame: %d, want 48", p.Frame())
	}
}

func TestSpeeds(t *testing.T) {
	for _, c := range []struct {
		speed string
		frame int
	}{{"¼×", 7}, {"½×", 15}, {"1×", 30}, {"1½×", 45}, {"2×", 60}} {
		p, _, now := newTestPlayer(t)
		p.Speed.SetSelected(c.speed)
		p.Play()
		*now = now.Add(time.Second)
		p.tick()
		if p.Frame() != c.frame {
			t.Errorf("one second at %s: frame %d, want %d", c.speed, p.Frame(), c.frame)
		}
	}
}

func TestLoopWrapsAndNoLoopStopsAtTheEnd(t *testing.T) {
	p, _, now := newTestPlayer(t)
	p.Play()
	*now = now.Add(3500 * time.Millisecond)
	p.tick()
	if !p.Playing() || p.Frame() != 15 {
		t.Errorf("looping, 3.5 s into a 3 s clip: playing %v, frame %d, want 15", p.Playing(), p.Frame())
	}
	test.Tap(p.Loop)
	*now = now.Add(3 * time.Second)
	p.tick()
	if p.Playing() || p.Frame() != 89 {
		t.Errorf("not looping, past the end: playing %v, frame %d, want paused on 89", p.Playing(), p.Frame())
	}
	p.Play()
	if p.Frame() != 0 {
		t.Errorf("play at the end should start again: frame %d", p.Frame())
	}
}

func TestHiddenPlayerStopsItsClock(t *testing.T) {
	p, _, now := newTestPlayer(t)
	p.Play()
	p.Hide()
	if p.anim != nil || !p.Playing() {
		t.Fatalf("hidden: clock running %v, playing %v; want stopped but still playing", p.anim != nil, p.Playing())
	}
	p.Show()
	if p.anim == nil {
		t.Fatal("shown again: the clock did not restart")
	}
	*now = now.Add(time.Second)
	p.tick()
	if p.Frame() != 30 {
		t.Errorf("a second after showing again: frame %d, want 30", p.Frame())
	}
	p.Stop()
	if p.anim != nil {
		t.Error("Stop left the clock running")
	}
}

func TestDragTurnsWheelZoomsShiftDragPans(t *testing.T) {
	p, w, _ := newTestPlayer(t)
	w.Canvas().Capture() // the first picture frames the motion
	v := p.view
	before := v.cam
	drawn := p.FramesDrawn()
	v.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 50, DY: 10}})
	v.DragEnd()
	if v.cam.Yaw == before.Yaw || v.cam.Pitch == before.Pitch || v.cam.Target != before.Target {
		t.Errorf("a drag should turn about the target: %+v -> %+v", before, v.cam)
	}
	w.Canvas().Capture()
	if p.FramesDrawn() == drawn {
		t.Error("turning the camera drew nothing")
	}

	d := v.cam.Distance
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 25}}) // one notch
	if !near(v.cam.Distance, d*0.87, 1e-9) {
		t.Errorf("one notch up: distance %v, want %v", v.cam.Distance, d*0.87)
	}
	d = v.cam.Distance
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -25 * 125}}) // a flick, accelerated
	if want := d / math.Pow(0.87, 3); !near(v.cam.Distance, want, 1e-9) {
		t.Errorf("a hard flick away: distance %v, want it capped at %v", v.cam.Distance, want)
	}

	target := v.cam.Target
	v.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 30}})
	v.DragEnd()
	if v.cam.Target == target {
		t.Error("a Shift-drag did not pan")
	}

	v.DoubleTapped(&fyne.PointEvent{})
	if v.cam != FrameBounds(p.scene.bounds(), float64(v.Size().Width/v.Size().Height)) {
		t.Error("a double click did not frame the motion again")
	}
}

func TestTappingTheViewTakesTheKeys(t *testing.T) {
	p, w, _ := newTestPlayer(t)
	test.Tap(p.view)
	if w.Canvas().Focused() != p.view {
		t.Fatal("the view did not take the keyboard")
	}
	test.Type(p.view, " ") // TypedRune only: keys come as TypedKey
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if p.Frame() != 1 {
		t.Errorf("right arrow on the focused view: frame %d", p.Frame())
	}
}

func TestAHandleAboveTheHipsIsNotDrawn(t *testing.T) {
	clip := motion.DemoClip(1, 2)
	// Put a root handle on the floor above the hips, as Move's _1:Root is.
	a := clip.Actors[0]
	joints := append([]motion.Joint{{Name: "Root", Parent: -1, Rest: motion.Rest}}, a.Skeleton.Joints...)
	for i := 1; i < len(joints); i++ {
		joints[i].Parent++
	}
	a.Skeleton = &motion.Skeleton{Joints: joints}
	a.Tracks = append([]motion.Track{{}}, a.Tracks...)
	if err := clip.Validate(); err != nil {
		t.Fatal(err)
	}
	s := newScene(clip)
	if !s.figs[0].Hidden[0] || s.figs[0].Parents[1] != -1 || s.figs[0].Hidden[1] || s.figs[0].Parents[2] != 1 {
		t.Errorf("handle hidden %v, hips' bone from %d; want the handle hidden and no bone to the hips",
			s.figs[0].Hidden[0], s.figs[0].Parents[1])
	}
}
