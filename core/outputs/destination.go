package outputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

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
//
// A missing folder can be made when the folder it goes in exists, or when
// it is under the user's home folder (as "mkdir -p ~/exports/today"
// would). Elsewhere a missing parent is more likely a mistyped path than a
// wish for new folders at the top of the disk: "/nonexistent/x" is refused
// rather than made (as root, it once was).
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
	missing := filepath.Clean(root) != dir
	if top := topMissing(root, dir); missing && top != filepath.Clean(root) && !underHome(root) {
		return &DestinationError{Dir: root, Reason: fmt.Sprintf("it does not exist, nor does %s: make the folder first, or choose one that exists", top)}
	}
	// Writing a file is the one test that holds for every OS and ACL.
	probe, err := os.CreateTemp(dir, ".singlecam-check-*")
	if err != nil {
		return &DestinationError{Dir: root, Reason: cannotWrite(dir, missing, err), Err: err}
	}
	probe.Close()
	os.Remove(probe.Name())
	if free, err := freeSpace(dir); err == nil && free < need {
		return &DestinationError{Dir: root, Reason: fmt.Sprintf("its disk has %s free, less than the video alone (%s)",
			media.HumanSize(free), media.HumanSize(need))}
	}
	return nil
}

// MakeDestination is CheckDestination, then makes root when it is
// missing; made is the folder it made (root), or "" when root was there.
// A front end says so: a folder that appears unasked is a surprise.
func MakeDestination(root string, need int64) (made string, err error) {
	if err := CheckDestination(root, need); err != nil {
		return "", err
	}
	if info, err := os.Stat(root); err == nil && info.IsDir() {
		return "", nil
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		dir, _ := nearestExisting(root)
		return "", &DestinationError{Dir: root, Reason: cannotWrite(dir, true, err), Err: err}
	}
	return root, nil
}

// cannotWrite says why a file could not be made in dir: the folder itself,
// or, when it is missing, the nearest existing folder above it.
func cannotWrite(dir string, missing bool, err error) string {
	where, whose := "it", "its disk"
	if missing {
		where, whose = dir, "the disk of "+dir
	}
	var why string
	switch {
	case errors.Is(err, fs.ErrPermission):
		why = "Singlecam is not allowed to write in " + where
	case errors.Is(err, syscall.EROFS):
		why = whose + " is read-only"
	case errors.Is(err, syscall.ENOSPC):
		why = whose + " is full"
	case errors.Is(err, fs.ErrNotExist):
		// The folder is there, yet a new file in it is not: a system
		// folder such as /proc, which holds nobody's files.
		why = where + " takes no new files or folders"
	default:
		why = "Singlecam cannot write in " + where + " (" + media.Reason(err) + ")"
	}
	if missing {
		return "it does not exist and cannot be made: " + why
	}
	return why
}

// topMissing is the outermost missing folder on the way from dir (the
// nearest existing one) to root.
func topMissing(root, dir string) string {
	top := filepath.Clean(root)
	for p := top; p != dir; p = filepath.Dir(p) {
		if filepath.Dir(p) == p {
			break
		}
		top = p
	}
	return top
}

// underHome reports whether path is inside the user's home folder.
func underHome(path string) bool {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(home, abs)
	return err == nil && filepath.IsLocal(rel)
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
