package ui

import (
	"singlecam/core/motion/retarget"
	"singlecam/ui/character"
	"singlecam/ui/kit"
)

// applyToCharacter opens "Apply to a character…" for the motion file at
// path, named motionName in the file it saves.
func (u *UI) applyToCharacter(path, motionName string) {
	opt := character.Options{Cancelled: kit.ErrCancelled, Prefs: u.app.Preferences(), Main: u.onMain}
	if p := u.opts.Picker; p != nil {
		opt.Pick = func(dir string) (string, error) {
			return p.Open("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), dir)
		}
	}
	w := character.NewWindow(u.app, path, motionName, opt)
	w.Show()
	u.applyWindow = w
}
