//go:build !linux

package native

import (
	"errors"

	"github.com/sqweek/dialog"

	"singlecam/ui/kit"
)

func openFile(title, kind string, extensions []string, dir string) (string, error) {
	b := dialog.File().Title(title).Filter(kind, extensions...)
	if dir != "" {
		b = b.SetStartDir(dir)
	}
	return translate(b.Load())
}

func openFolder(title, dir string) (string, error) {
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
