package ui

// Open adds files to the new-take panel and brings the window forward: the
// files of a later launch (a video opened from the file manager while the
// app runs), which core/instance hands over. Before the main screen shows,
// they wait for it, as files given at start do. Run it on the UI goroutine.
// Once the app is closing it does nothing: Fyne may run it after its window
// system has stopped, where showing a window crashes.
func (u *UI) Open(files []string) {
	if u.quitting.Load() {
		return
	}
	if u.main != nil && u.win.Content() == u.main.content {
		if len(files) > 0 {
			u.dropped(files) // as a drop: a motion file opens the player, a video goes to the panel
		}
	} else {
		u.opts.Files = append(u.opts.Files, files...)
	}
	u.win.Show()
	u.win.RequestFocus()
}

// OpenLater is Open for other goroutines, such as the one serving later
// launches. It says whether it took the files: not once the app is
// closing, so that the later launch runs on its own instead (core/instance).
func (u *UI) OpenLater(files []string) bool {
	if u.quitting.Load() {
		return false
	}
	u.onMain(func() { u.Open(files) })
	return true
}
