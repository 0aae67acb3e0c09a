package submit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"singlecam/core/media"
	"singlecam/core/ugc"
)

// Problem is one reason the service would refuse a request, in a sentence a
// user understands. Limit problems break Move's documented limits, which a
// user may choose to ignore; the others cannot work at all.
type Problem struct {
	Message string
	Limit   bool
}

// CheckError lists every problem found, so the user can fix them all at once.
type CheckError struct {
	Problems []Problem
}

func (e *CheckError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "\n")
}

var deviceLabelPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Check looks at a request before anything is sent. It returns the
// documented-limit problems the user chose to ignore as warnings, and a
// *CheckError with every problem that stops it.
func Check(req Request) (warnings []string, err error) {
	req = req.withDefaults()
	limits := media.DocumentedLimits
	var problems []Problem
	refuse := func(limit bool, format string, args ...any) {
		problems = append(problems, Problem{Message: fmt.Sprintf(format, args...), Limit: limit})
	}

	checkFile(req.VideoPath, "video", media.KindVideo, refuse)
	if info, err := os.Stat(req.VideoPath); err == nil && info.Mode().IsRegular() {
		name := filepath.Base(req.VideoPath)
		switch size := info.Size(); {
		case size > media.MaxSinglePut:
			refuse(false, "%s is %s; one upload can carry at most 5 GiB. Trim it or export it at a lower bitrate.", quote(name), HumanBytes(size))
		case size > limits.MaxBytes:
			refuse(true, "%s is %s; Move accepts videos up to %s. Trim it or export it at a lower bitrate.", quote(name), HumanBytes(size), HumanBytes(limits.MaxBytes))
		}
		if strings.EqualFold(filepath.Ext(name), ".avi") {
			warnings = append(warnings, fmt.Sprintf("%s is an AVI file: Move's documents only promise MP4 and MOV.", quote(name)))
		}
	}
	if req.MovePath != "" {
		checkFile(req.MovePath, ".move file", media.KindMove, refuse)
	}
	if !deviceLabelPattern.MatchString(req.DeviceLabel) {
		refuse(false, "The device label %s can only use lowercase letters, digits and single hyphens, like \"iphone\".", quote(req.DeviceLabel))
	}
	for _, o := range req.Outputs {
		if !slices.Contains(ugc.AllOutputTypes, o) {
			refuse(false, "%s is not an output Move makes.", quote(string(o)))
		}
	}
	if w := req.ClipWindow; w != nil {
		length := w.End - w.Start
		switch {
		case w.Start < 0 || length <= 0:
			refuse(false, "The clip window must start at 0 s or later and end after it starts (it is %g s to %g s).", w.Start, w.End)
		case length < limits.MinSeconds || length > limits.MaxSeconds:
			refuse(true, "The clip window is %g s long; Move takes %g to %g seconds.", length, limits.MinSeconds, limits.MaxSeconds)
		}
	}

	var stopping []Problem
	for _, p := range problems {
		if p.Limit && req.IgnoreLimits {
			warnings = append(warnings, p.Message+" (Sent anyway: documented limits are ignored.)")
			continue
		}
		stopping = append(stopping, p)
	}
	if len(stopping) > 0 {
		return warnings, &CheckError{Problems: stopping}
	}
	return warnings, nil
}

// checkFile refuses a file that is missing, unreadable, empty or of the
// wrong kind.
func checkFile(path, what string, want media.Kind, refuse func(bool, string, ...any)) {
	name := quote(filepath.Base(path))
	if strings.TrimSpace(path) == "" {
		refuse(false, "Choose a %s.", what)
		return
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		refuse(false, "The %s %s cannot be found; it may have been moved or deleted.", what, name)
		return
	case err != nil:
		refuse(false, "Singlecam cannot open the %s %s: %v.", what, name, errors.Unwrap(err))
		return
	case info.IsDir():
		refuse(false, "%s is a folder, not a %s.", name, what)
		return
	case info.Size() == 0:
		refuse(false, "The %s %s is empty.", what, name)
		return
	}
	if media.KindOf(path) != want {
		if want == media.KindVideo {
			refuse(false, "%s is not a video Singlecam can send: use an MP4 or MOV file.", name)
		} else {
			refuse(false, "%s is not a .move file from the Move One app.", name)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		refuse(false, "Singlecam cannot read the %s %s: %v.", what, name, errors.Unwrap(err))
		return
	}
	f.Close()
}

func quote(s string) string { return "\u201c" + s + "\u201d" }

// HumanBytes writes a size the way file managers do: 812 MB, 3.9 GB.
func HumanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	value := float64(n) / float64(div)
	if value >= 100 {
		return fmt.Sprintf("%.0f %cB", value, "kMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %cB", value, "kMGTPE"[exp])
}
