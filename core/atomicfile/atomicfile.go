// Package atomicfile replaces a small file so that a crash or a power cut
// leaves either the old content or the new, never half of either.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write puts data at path with permissions perm: into a temporary file of its
// own beside path (two writers never share one), flushed to disk, renamed over
// the old file, then the folder flushed so the rename itself survives a power
// cut. On failure the old file is untouched and no temporary file is left.
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries; not every OS can, which is fine.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
