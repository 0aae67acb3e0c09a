// Package native opens the operating system's own file dialogs (through
// sqweek/dialog: GTK on Linux, Cocoa on macOS, Win32 on Windows). Only main
// imports it, so the rest of the UI tests without a native toolkit.
package native

import (
	"errors"

	"github.com/sqweek/dialog"

	"singlecam/ui/kit"
)

// Picker is kit.FilePicker on the OS's dialogs.
type Picker struct{}

// Open asks for one file.
func (Picker) Open(title, kind string, extensions []string, dir string) (string, error) {
	b := dialog.File().Title(title).Filter(kind, extensions...)
	if dir != "" {
		b = b.SetStartDir(dir)
	}
	return translate(b.Load())
}

// Folder asks for a folder.
func (Picker) Folder(title, dir string) (string, error) {
	b := dialog.Directory().Title(title)
	if dir != "" {
		b = b.SetStartDir(dir)
	}
	return translate(b.Browse())
}

func translate(path string, err error) (string, error) {
	if errors.Is(err, dialog.ErrCancelled) {
		return "", kit.ErrCancelled
	}
	return path, err
}
