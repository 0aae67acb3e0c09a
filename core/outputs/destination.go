package outputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"singlecam/core/media"
)

// DestinationError says why job folders cannot be made under a folder; it
// is found before anything is sent, so that no job is paid for whose files
// have nowhere to go.
type DestinationError struct {
	Dir    string
	Reason string // a phrase a person understands: "it is a file, not a folder"
	Err    error  // the underlying error, if any
}

func (e *DestinationError) Error() string {
	return fmt.Sprintf("cannot save outputs in %s: %s", e.Dir, e.Reason)
}

func (e *DestinationError) Unwrap() error { return e.Err }

// CheckDestination checks that job folders can be saved under root: it is
// a folder or can be made one, Singlecam can write in it, and its disk has
// at least need bytes free (the caller passes the video's size: the outputs
// of a job are seldom smaller). Nothing is left behind.
func CheckDestination(root string, need int64) error {
	if root == "" {
		root = "."
	}
	dir, err := nearestExisting(root)
	if err != nil {
		return &DestinationError{Dir: root, Reason: media.Reason(err), Err: err}
	}
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return &DestinationError{Dir: root, Reason: media.Reason(err), Err: err}
	case !info.IsDir():
		what := "it"
		if filepath.Clean(root) != dir {
			what = dir
		}
		return &DestinationError{Dir: root, Reason: what + " is a file, not a folder"}
	}
	// Writing a file is the one test that holds for every OS and ACL.
	probe, err := os.CreateTemp(dir, ".singlecam-check-*")
	if err != nil {
		reason := "Singlecam cannot write there: " + media.Reason(err)
		if errors.Is(err, fs.ErrPermission) {
			reason = "Singlecam is not allowed to write there"
		}
		return &DestinationError{Dir: root, Reason: reason, Err: err}
	}
	probe.Close()
	os.Remove(probe.Name())
	if free, err := freeSpace(dir); err == nil && free < need {
		return &DestinationError{Dir: root, Reason: fmt.Sprintf("its disk has %s free, less than the video alone (%s)",
			media.HumanSize(free), media.HumanSize(need))}
	}
	return nil
}

// nearestExisting is path itself, or its nearest parent that can be seen:
// the folder in which the missing ones would be made. (A path under a file,
// or under a folder that cannot be entered, leads to that file or folder.)
func nearestExisting(path string) (string, error) {
	path = filepath.Clean(path)
	for {
		_, err := os.Stat(path)
		if err == nil {
			return path, nil
		}
		parent := filepath.Dir(path)
		if parent == path {
			return "", err
		}
		path = parent
	}
}
