package guard

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotAFile is wrapped by Open's error for a path that is not a plain
// file.
var ErrNotAFile = errors.New("it is not a file (a folder, a pipe or a device)")

// Open opens a file from outside for reading, refusing anything but a
// regular file before opening it: opening a named pipe waits for a writer
// that may never come (a drop would hang for ever), and a device such as
// /dev/zero reads without end. The check comes first because the open is
// what would block; a file swapped for a pipe between the two is not a
// case a desktop app defends against.
func Open(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrNotAFile}
	}
	return os.Open(path)
}

// CheckRegular is Open's check for a file in an fs.FS (a .gltf's buffer
// beside it), before it is opened.
func CheckRegular(fsys fs.FS, name string) error {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &fs.PathError{Op: "open", Path: name, Err: ErrNotAFile}
	}
	return nil
}
