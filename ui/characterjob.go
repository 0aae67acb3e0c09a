package ui

import (
	"path/filepath"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/retarget"
	"singlecam/ui/character"
	"singlecam/ui/kit"
)

// applyToCharacter opens "Apply to a character…" for the motion file at
// path, named motionName in the file it saves.
func (u *UI) applyToCharacter(path, motionName string) {
	u.applyCleaned(path, motionName, nil)
}

// applyCleaned is applyToCharacter starting with the clean-up cleanup gives
// (a player's), or clean.Default when nil.
func (u *UI) applyCleaned(path, motionName string, cleanup func() clean.Options) {
	opt := character.Options{Cancelled: kit.ErrCancelled, Prefs: u.app.Preferences(), Main: u.onMain}
	if cleanup != nil {
		o := cleanup()
		opt.Clean = &o
	}
	if p := u.opts.Picker; p != nil {
		opt.Pick = func(dir string) (string, error) {
			if dir == "" { // no character chosen before: the motion's folder, not GTK's "Recent"
				dir = filepath.Dir(path)
			}
			return p.Open("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), dir)
		}
	}
	var w *character.Window
	// A rename of the motion's job while the window is open moves the
	// file; the window follows it, so Save goes beside it there.
	opt.Closed = u.following.add(func(r jobRenamed) {
		if file := w.MotionPath(); r.disk.Holds(file) {
			w.MotionMoved(r.disk.Follow(file), r.title(motionName))
			motionName = r.title(motionName)
		}
	})
	w = character.NewWindow(u.app, path, motionName, opt)
	w.Show()
	u.applyWindow = w
}
