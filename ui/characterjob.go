package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/core/motion/retarget"
	"singlecam/ui/character"
)

// applyButton is "Apply to a character…" on a finished job with a motion
// output, or nil.
func (v *JobsView) applyButton(row *joblist.Row) fyne.CanvasObject {
	o, ok := previewOutput(row)
	if !ok {
		return nil
	}
	jobID, name := row.JobID, row.Name
	return &widget.Button{Text: "Apply to a character…", Icon: theme.AccountIcon(), OnTapped: func() {
		v.withMotionFile(jobID, o, "to put it on a character", func(path string) { v.ui.applyToCharacter(path, name) })
	}}
}

// applyToCharacter opens "Apply to a character…" for the motion file at
// path, named motionName in the file it saves.
func (u *UI) applyToCharacter(path, motionName string) {
	opt := character.Options{Cancelled: ErrCancelled, Prefs: u.app.Preferences(), Main: u.onMain}
	if p := u.opts.Picker; p != nil {
		opt.Pick = func(dir string) (string, error) {
			return p.Open("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), dir)
		}
	}
	w := character.NewWindow(u.app, path, motionName, opt)
	w.Show()
	u.applyWindow = w
}
