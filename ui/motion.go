package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/ui/kit"
	"singlecam/ui/preview"
)

// openMotion opens a window that plays the motion file at path, named
// title (the file's name when empty). The file is read off the UI
// goroutine; a file that cannot play says why.
func (u *UI) openMotion(path, title string) { u.openJobMotion(path, title, "") }

// openJobMotion is openMotion for a job's file: what the window writes
// (Export for…, Apply to a character…) is named after the job, name, as
// the jobs list's own Export for… names it, and follows a rename of the
// job (tester 4: after a rename, files written from an open player still
// carried the old name). An empty name names them after the file.
func (u *UI) openJobMotion(path, title, job string) {
	name := filepath.Base(path)
	if title == "" {
		title = name
	}
	u.status("Opening " + name + "…")
	go func() {
		m, err := load.Open(context.Background(), path, -1)
		u.onMain(func() {
			if err != nil {
				u.tell(engine.ExplainMotion(err))
				return
			}
			w := preview.NewWindow(u.app, m, title, nil)
			// file is where the motion is now: a rename of its job while
			// the window is open moves it, and Export, Apply and Change…
			// must find it there.
			file := path
			w.OnClosed = u.following.add(func(r jobRenamed) {
				if !r.disk.Holds(file) {
					return // another job's
				}
				moved := r.disk.Follow(file)
				if title == filepath.Base(file) {
					title = filepath.Base(moved)
				}
				file, title, job = moved, r.title(title), r.title(job)
				w.SetTitle(title + " — Singlecam preview")
			})
			w.OfferReopen(load.Options{Animation: m.Chosen}, func(o load.Options) {
				path := file
				go func() {
					m, err := load.OpenWith(context.Background(), path, o)
					u.onMain(func() {
						if err != nil {
							u.tell(engine.ExplainMotion(err))
							return
						}
						w.SetMotion(m)
					})
				}()
			})
			w.Do = u.onMain // the clean-up's result comes back through the one door
			// Both dialogs start with the player's clean-up, so the file
			// saved is the motion the user just watched.
			w.OfferApply(func() {
				motion := job
				if motion == "" {
					motion = retarget.MotionName(file)
				}
				u.applyCleaned(file, motion, w.CleanUp.Options)
			})
			w.SetActions(&widget.Button{Text: "Export for…", Icon: theme.DocumentSaveIcon(), OnTapped: func() {
				o := w.Options() // what the window plays: its animation, axis and unit
				u.exportCleaned([]string{file}, job, w, &o, w.CleanUp.Options)
			}})
			w.Show()
			w.Player.Play()
			u.status(name + " plays in its own window.")
		})
	}()
}

// tell shows a message that matters: in the status line of the main screen,
// or in a dialog before there is one.
func (u *UI) tell(msg string) {
	if u.main != nil && u.win.Content() == u.main.content {
		u.main.say(msg)
		return
	}
	kit.Inform(u.win, "Preview", msg)
}

// status shows progress in the main screen's status line, if it shows.
func (u *UI) status(msg string) {
	if u.main != nil && u.win.Content() == u.main.content {
		u.main.say(msg)
	}
}

// dropped sorts files dropped on the window: motion files open in the
// player, videos go to the new-take panel when it shows.
func (u *UI) dropped(paths []string) {
	var videos []string
	for _, p := range paths {
		if load.IsMotionFile(p) {
			u.openMotion(p, "")
		} else {
			videos = append(videos, p)
		}
	}
	if len(videos) > 0 && u.main != nil && u.win.Content() == u.main.content {
		u.main.NewTake.Drop(videos)
	}
}

// exportMotion shows the Export for… dialog for the motion files at paths
// over parent; base names the outputs (a job's name), or the file when empty.
func (u *UI) exportMotion(paths []string, base string, parent fyne.Window) {
	u.exportCleaned(paths, base, parent, nil, nil)
}

// exportCleaned is exportMotion reading the files as read says (a
// player's), or as each is found when nil, and starting with the clean-up
// cleanup gives (a player's), or clean.Default when nil.
func (u *UI) exportCleaned(paths []string, base string, parent fyne.Window, read *load.Options, cleanup func() clean.Options) {
	preview.Exporter{Write: engine.Export, Do: u.onMain, Open: func(p string) { u.openMotion(p, "") }, Status: u.status, Read: read, Clean: cleanup}.Show(paths, base, parent)
}
