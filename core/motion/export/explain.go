package export

import (
	"errors"
	"io/fs"
	"strings"
	"unicode"

	"singlecam/core/motion/load"
)

// Explain says in one sentence why an export did not happen, and what to
// do instead.
func Explain(err error) string {
	switch {
	case errors.Is(err, ErrBadSettings):
		msg := err.Error()
		if i := strings.Index(msg, ErrBadSettings.Error()+": "); i >= 0 {
			msg = msg[i+len(ErrBadSettings.Error())+2:]
		}
		return sentence(msg)
	case errors.Is(err, load.ErrUnknownFormat):
		return "Singlecam exports GLB, glTF, VRM, VRM Animation (.vrma) and BVH files, Move's motion data (.json), and ZIPs of BVH or motion data files: choose one of those."
	case errors.Is(err, fs.ErrNotExist):
		return "A motion file is not there any more (moved, renamed or deleted): choose it again, or download its job again."
	case errors.Is(err, fs.ErrPermission):
		return "Singlecam may not read or write there: check the folder's permissions, or choose another folder."
	}
	return sentence("nothing was exported (" + err.Error() + "): try another file or other settings")
}

func sentence(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
