package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Loading is a screen for win that says what is happening, with Fyne's
// spinning dots. The dots stop once win shows something else: Fyne runs
// an activity's animation until Stop (or until its renderer expires a
// minute later), and each frame of it redraws the whole window, replaced
// screen or not. Left spinning behind the demo's main screen, they had
// the idle window painted 60 times a second for its first minute: 2 MB of
// garbage a second, a collection every 3 s and 8 MiB more memory (issue
// 23, .ci/idle-memory).
//
// Whatever had the keyboard focus loses it: the loading screen replaces
// the window's content whole, and Fyne's SetContent drops the focus
// without telling the widget, so the welcome screen's key field went on
// blinking its cursor unseen behind the demo, a redraw twice a second.
//
// A watch on Fyne's animation clock (which ticks on the UI goroutine, and
// asks for no redraw itself) looks at the window's content each frame.
func Loading(win fyne.Window, what string) fyne.CanvasObject {
	win.Canvas().Unfocus()
	dots := widget.NewActivity()
	dots.Start()
	screen := container.NewCenter(container.NewVBox(dots, widget.NewLabel(what)))
	watch := &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever}
	tick := stopWhenReplaced(win, screen, func() {
		dots.Stop()
		watch.Stop()
	})
	starting := true
	watch.Tick = func(done float32) {
		if !starting { // Fyne's test driver ticks once in Start, before the caller shows screen
			tick(done)
		}
	}
	watch.Start()
	starting = false
	return screen
}

// stopWhenReplaced is the watch's tick: once win shows something other
// than screen, it calls stop, once. (Loading's callers show the screen
// before Fyne's clock first ticks: they make it on the UI goroutine, and
// the clock ticks there.)
func stopWhenReplaced(win fyne.Window, screen fyne.CanvasObject, stop func()) func(float32) {
	stopped := false
	return func(float32) {
		if !stopped && win.Content() != screen {
			stopped = true
			stop()
		}
	}
}
