// Package preview is Singlecam's skeleton player: a Fyne widget that plays a
// motion clip as bones and joints in perspective over a floor, with the
// controls an animator expects. It draws what core/motion computes (world
// positions of a frame) and never reads files itself.
package preview

import (
	"fmt"
	"image"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/ui/kit"
)

// Speeds the player offers, as shown and as factors.
var (
	speedNames   = []string{"¼×", "½×", "1×", "1½×", "2×"}
	speedFactors = map[string]float64{"¼×": 0.25, "½×": 0.5, "1×": 1, "1½×": 1.5, "2×": 2}
)

// Player plays one clip. Its controls are fields so that tests drive them.
type Player struct {
	widget.BaseWidget

	PlayPause *widget.Button
	Back      *widget.Button // one frame back
	Forward   *widget.Button // one frame on
	Scrub     *widget.Slider
	Time      *widget.Label // time and frame
	Speed     *widget.Select
	Loop      *widget.Check
	Legend    *fyne.Container // the actors' names in their colours

	clip  *motion.Clip
	scene *scene
	floor float64 // the stage's floor under clip
	// cleaned is a clean-up of clip, shown instead of it when after holds.
	cleaned      *clean.Result
	cleanedFloor float64
	after        bool
	view         *viewport
	content      fyne.CanvasObject

	frame   int
	playing bool
	speed   float64
	// While playing, the frame shown is base + (now − since) × fps × speed,
	// counted in frames (not durations, which would round a frame down).
	base  float64
	since time.Time
	anim  *fyne.Animation
	// hidden stops the clock without pausing, for when it comes back.
	hidden bool
	// now is the clock, replaceable in tests.
	now func() time.Time
	// drawn counts pictures drawn and ticks the display's ticks seen while
	// playing, for measuring the frame rate.
	drawn, ticks atomic.Uint64
}

// NewPlayer makes a player showing the clip's first frame, paused. The clip
// must be valid (motion.Clip.Validate).
func NewPlayer(clip *motion.Clip) *Player {
	p := &Player{clip: clip, speed: 1, now: time.Now}
	p.scene = newScene(clip)
	p.floor = p.scene.stage.Floor
	p.view = newViewport(p)
	p.PlayPause = &widget.Button{Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: p.Toggle}
	p.Back = &widget.Button{Icon: theme.MediaSkipPreviousIcon(), OnTapped: func() { p.Step(-1) }}
	p.Forward = &widget.Button{Icon: theme.MediaSkipNextIcon(), OnTapped: func() { p.Step(1) }}
	// A click on the controls leaves the focus where it was (kit's
	// NoClickFocus): Space goes on playing and pausing.
	scrub := kit.NewSlider(0, math.Max(float64(clip.Frames()-1), 1))
	p.Scrub = &scrub.Slider
	p.Scrub.OnChanged = func(v float64) {
		if f := int(math.Round(v)); f != p.frame {
			p.Seek(f)
		}
	}
	p.Time = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	speed := kit.NewSelect(speedNames, p.setSpeed)
	speed.NoClickFocus = true
	p.Speed = &speed.Select
	p.Speed.Selected = "1×"
	loop := kit.NewCheck("Loop", nil)
	loop.NoClickFocus = true
	p.Loop = &loop.Check
	p.Loop.Checked = true
	p.Legend = p.legend()
	p.showTime()

	buttons := container.NewHBox(p.Back, p.PlayPause, p.Forward, p.Time)
	options := container.NewHBox(widget.NewLabel("Speed"), speed, loop)
	controls := container.NewVBox(scrub, container.NewBorder(nil, nil, buttons, options))
	stage := container.NewStack(p.view, container.NewVBox(container.NewHBox(p.Legend)))
	p.content = container.NewBorder(nil, container.NewPadded(controls), nil, nil, stage)
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is Fyne's hook for drawing the player.
func (p *Player) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.content) }

// Frame is the frame shown.
func (p *Player) Frame() int { return p.frame }

// Playing reports whether the clip is playing.
func (p *Player) Playing() bool { return p.playing }

// FramesDrawn counts the pictures drawn so far.
func (p *Player) FramesDrawn() uint64 { return p.drawn.Load() }

// Ticks counts the display's ticks the player has seen while playing: a
// picture can be drawn at most once a tick.
func (p *Player) Ticks() uint64 { return p.ticks.Load() }

// Play starts playing from the frame shown (from the start when it is the last).
func (p *Player) Play() {
	if p.playing {
		return
	}
	if p.frame >= p.clip.Frames()-1 {
		p.show(0)
	}
	p.playing = true
	p.PlayPause.SetIcon(theme.MediaPauseIcon())
	p.rebase()
	p.runClock()
}

// Pause stops at the frame shown.
func (p *Player) Pause() {
	if !p.playing {
		return
	}
	p.playing = false
	p.PlayPause.SetIcon(theme.MediaPlayIcon())
	p.stopClock()
}

// Toggle plays when paused and pauses when playing (the Space key).
func (p *Player) Toggle() {
	if p.playing {
		p.Pause()
	} else {
		p.Play()
	}
}

// Step pauses and moves by n frames (the arrow keys), stopping at the ends.
func (p *Player) Step(n int) {
	p.Pause()
	p.Seek(p.frame + n)
}

// Seek shows frame f (clamped); a playing clip carries on from there.
func (p *Player) Seek(f int) {
	p.show(max(0, min(f, p.clip.Frames()-1)))
	p.rebase()
}

// Stop ends the clock for good: call it when the player's window closes.
func (p *Player) Stop() {
	p.Pause()
}

// Hide hides the player and stops its clock: nothing runs while unseen.
func (p *Player) Hide() {
	p.hidden = true
	p.stopClock()
	p.BaseWidget.Hide()
}

// Show shows the player again, playing on if it was.
func (p *Player) Show() {
	p.hidden = false
	p.BaseWidget.Show()
	if p.playing {
		p.rebase()
		p.runClock()
	}
}

// TypedKey handles the player's keys: Space plays or pauses, the arrows
// step, Home and End go to the ends. Windows that hold a player forward
// their keys here.
func (p *Player) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		p.Toggle()
	case fyne.KeyLeft:
		p.Step(-1)
	case fyne.KeyRight:
		p.Step(1)
	case fyne.KeyHome:
		p.Seek(0)
	case fyne.KeyEnd:
		p.Seek(p.clip.Frames() - 1)
	}
}

func (p *Player) setSpeed(name string) {
	f, ok := speedFactors[name]
	if !ok {
		return
	}
	p.rebase() // the time so far was played at the old speed
	p.speed = f
}

// rebase starts the play clock again from the frame shown.
func (p *Player) rebase() {
	p.base, p.since = float64(p.frame), p.now()
}

// runClock ticks with the display while playing and visible. Each tick only
// reads the clock; a picture is drawn only when the frame changes, so a
// 30 fps clip draws 30 pictures a second on a 60 Hz display.
func (p *Player) runClock() {
	if p.anim != nil || p.hidden || !p.playing {
		return
	}
	p.anim = &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever,
		Curve: fyne.AnimationLinear, Tick: func(float32) { p.tick() }}
	p.anim.Start()
}

func (p *Player) stopClock() {
	if p.anim != nil {
		p.anim.Stop()
		p.anim = nil
	}
}

// tick moves to the frame the clock says.
func (p *Player) tick() {
	if !p.playing {
		return
	}
	p.ticks.Add(1)
	pos := p.base + p.now().Sub(p.since).Seconds()*p.clip.FPS*p.speed
	n := float64(p.clip.Frames())
	if pos >= n {
		if !p.Loop.Checked {
			p.show(p.clip.Frames() - 1)
			p.Pause()
			return
		}
		pos = math.Mod(pos, n)
	}
	if f := int(math.Floor(pos + 1e-9)); f != p.frame {
		p.show(f)
	}
}

// show draws frame f and moves the scrub bar and the time to it.
func (p *Player) show(f int) {
	if f == p.frame && p.Scrub.Value == float64(f) {
		return
	}
	p.frame = f
	p.Scrub.Value = float64(f) // not SetValue: that would call back into Seek
	p.Scrub.Refresh()
	p.showTime()
	p.view.redraw()
}

func (p *Player) showTime() {
	n := p.clip.Frames()
	w := len(fmt.Sprint(n))
	p.Time.SetText(fmt.Sprintf("%s / %s  frame %*d / %d", clock(p.clip.TimeOf(p.frame)), clock(p.clip.Duration()), w, p.frame+1, n))
}

// clock writes a time as m:ss.cc, rounded as the terminal rounds it.
func clock(d time.Duration) string {
	cs := motion.Hundredths(d).Milliseconds() / 10
	return fmt.Sprintf("%d:%02d.%02d", cs/6000, cs/100%60, cs%100)
}

// legend names the actors in their colours, when there is more than one.
func (p *Player) legend() *fyne.Container {
	box := container.NewHBox()
	if len(p.clip.Actors) < 2 {
		return box
	}
	for i, a := range p.clip.Actors {
		name := a.Name
		if name == "" {
			name = fmt.Sprintf("Actor %d", i+1)
		}
		t := canvas.NewText("● "+name, ActorColors[i%len(ActorColors)])
		t.TextStyle.Bold = true
		box.Add(t)
	}
	return container.NewPadded(box)
}

// picture draws the frame shown, for a raster of w × h pixels.
func (p *Player) picture(w, h int, pixelScale float64) image.Image {
	p.drawn.Add(1)
	return p.scene.draw(p.frame, p.view.cam, w, h, pixelScale)
}
