package ui

import (
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"singlecam/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openWithSystem opens a folder with the system's own opener (Explorer,
// Finder, xdg-open); the UI's field of that name, so tests can take it away.
func openWithSystem(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", path)
		return cmd.Start() // Explorer's exit status says nothing useful
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	return cmd.Run()
}

// openPath opens a folder: the system's opener, else Fyne's file:// opener,
// else a dialog that shows the path (intro above it) with a Copy button.
func (u *UI) openPath(path, intro string) {
	go func() {
		err := u.openWithSystem(path)
		u.onMain(func() {
			if err == nil {
				return
			}
			if u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}) == nil {
				return
			}
			u.showAddress("Open it yourself", intro, path)
		})
	}()
}

// openAddress opens a web address, or shows it with a Copy button when this
// computer has no browser to open it in.
func (u *UI) openAddress(address *url.URL) {
	if err := u.app.OpenURL(address); err != nil {
		u.showAddress("Open this address in a browser", "Singlecam could not open a browser here. Copy this address into one:", address.String())
	}
}

// Address is the dialog that shows a path or address to copy, while open.
type Address struct {
	Text string
	Copy *kit.Button
	d    dialog.Dialog
}

// showAddress shows text to copy, with a Copy button.
func (u *UI) showAddress(title, intro, text string) {
	a := &Address{Text: text}
	about := widget.NewLabel(intro)
	about.Wrapping = fyne.TextWrapWord
	shown := widget.NewLabel(text)
	shown.Wrapping = fyne.TextWrapBreak
	shown.TextStyle.Monospace = true
	a.Copy = kit.NewButton("Copy", theme.ContentCopyIcon(), func() {
		u.app.Clipboard().SetContent(text)
		a.Copy.SetText("Copied")
	})
	a.Copy.OnEscape = func() { a.d.Hide() }
	body := container.NewVBox(about, shown, container.NewHBox(a.Copy))
	u.shownAddress = a
	a.d = kit.Tell(u.win, title, container.NewGridWrap(fyne.NewSize(420, body.MinSize().Height+40), body), "Close")
	a.d.SetOnClosed(func() {
		if u.shownAddress == a {
			u.shownAddress = nil
		}
	})
}
