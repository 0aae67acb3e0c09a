package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// ErrExists is wrapped when a file was not written because its name is
// taken (possibly by a file that appeared a moment ago).
var ErrExists = fs.ErrExist

// MaxNumber bounds the numbering of taken names: "(2)" up to "(999)".
const MaxNumber = 1000

// WriteNew writes data to a new file at path, never over an existing one,
// durably: into a temporary file beside it, flushed to disk, given its name
// by Publish, the folder flushed. A failure leaves no file at path and no
// temporary file. It wraps ErrExists when path is taken.
func WriteNew(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once published
	return Publish(tmp, path)
}

// WriteNumbered is WriteNew at dir/name, or at the first free numbered
// name (Numbered) when it is taken. It returns the path written.
func WriteNumbered(dir, name string, data []byte, perm fs.FileMode) (string, error) {
	tmp, err := writeTemp(dir, data, perm)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for n := 1; n < MaxNumber; n++ {
		dest := filepath.Join(dir, Numbered(name, n))
		err := Publish(tmp, dest)
		if errors.Is(err, ErrExists) {
			continue
		}
		if err != nil {
			return "", err
		}
		return dest, nil
	}
	return "", fmt.Errorf("%s and %d numbered copies exist already in %s: %w", name, MaxNumber-1, dir, ErrExists)
}

// Publish gives a finished, flushed file (tmp) its final name dest without
// ever replacing a file there: a hard link fails when the name is taken.
// Where links are not supported (FAT drives), it checks, then renames. The
// folder is flushed so the new name survives a power cut. It wraps
// ErrExists when dest is taken.
func Publish(tmp, dest string) error {
	err := os.Link(tmp, dest)
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", dest, ErrExists)
	default:
		if _, statErr := os.Lstat(dest); statErr == nil {
			return fmt.Errorf("%s: %w", dest, ErrExists)
		}
		if err := os.Rename(tmp, dest); err != nil {
			return err
		}
	}
	SyncDir(filepath.Dir(dest))
	return nil
}

// writeTemp writes data to a new hidden temporary file in dir, flushed to
// disk, and returns its path. Unlike os.CreateTemp (always 0600) it asks for
// perm, so the umask gives the finished file the permissions the user's
// other files get (0666 asks for 0644 under a 022 umask).
func writeTemp(dir string, data []byte, perm fs.FileMode) (string, error) {
	f, err := createTemp(dir, perm)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func createTemp(dir string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".singlecam-%d.part", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no free temporary name")
}

// SyncDir flushes a folder's entries (a new or renamed file's name); not
// every OS can, which is fine.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
