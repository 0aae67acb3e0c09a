package submit

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"singlecam/core/media"
	"singlecam/core/ugc"
	"singlecam/core/words"
)

// Problem is one reason the service would refuse a request, in a sentence a
// user understands. Limit problems break Move's documented limits, which a
// user may choose to ignore; the others cannot work at all.
type Problem struct {
	Message string
	Limit   bool
	// Field is the request's field the problem is about (one of the Field
	// constants), so a front end shows it there without reading the words.
	Field string
}

// The fields of a request a Problem can be about.
const (
	FieldVideo       = "video"         // the video file itself
	FieldMove        = "move"          // the .move file
	FieldClip        = media.FieldClip // the clip window
	FieldDeviceLabel = "deviceLabel"   // shared by a batch
	FieldOutputs     = "outputs"       // shared by a batch
)

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

// ValidDeviceLabel reports whether a device label is a slug, as the service
// wants: lowercase letters, digits and single hyphens, like "iphone".
func ValidDeviceLabel(label string) bool { return deviceLabelPattern.MatchString(label) }

// Check looks at a request before anything is sent: the files are there and
// readable, the video is one Move can use (the probe reads its headers), and
// the settings are valid. It returns the warnings (among them the documented
// limits the user chose to ignore) and a *CheckError with every problem that
// stops the request.
func Check(req Request) (warnings []string, err error) {
	found, err := CheckFields(req)
	for _, w := range found {
		warnings = append(warnings, w.Message)
	}
	return warnings, err
}

// CheckFields is Check with the field each warning is about, for a front
// end that shows them at their fields; the *CheckError's problems carry
// their fields too.
func CheckFields(req Request) (warnings []Problem, err error) {
	req = req.withDefaults()
	var problems []Problem
	field := FieldVideo
	refuse := func(limit bool, format string, args ...any) {
		problems = append(problems, Problem{Message: fmt.Sprintf(format, args...), Limit: limit, Field: field})
	}
	take := func(findings []media.Finding) {
		for _, f := range findings {
			p := Problem{Message: f.Message, Limit: f.Severity == media.Limit, Field: field}
			if f.Field != "" {
				p.Field = f.Field
			}
			switch f.Severity {
			case media.Refusal, media.Limit:
				problems = append(problems, p)
			case media.Warning:
				warnings = append(warnings, p)
			}
		}
	}

	if checkFile(req.VideoPath, "video", media.KindVideo, refuse) {
		var clip *media.Window
		if w := req.ClipWindow; w != nil {
			clip = &media.Window{Start: w.Start, End: w.End}
		}
		report, err := media.Probe(req.VideoPath, media.Options{Clip: clip, IgnoreLimits: req.IgnoreLimits})
		if err != nil {
			refuse(false, "Singlecam cannot read the video %s: %v.", words.QuoteFile(req.VideoPath), media.Reason(err))
		} else {
			take(report.Findings)
		}
	}
	field = FieldMove
	if req.MovePath != "" && checkFile(req.MovePath, ".move file", media.KindMove, refuse) {
		take(media.CheckMove(req.MovePath, req.VideoPath))
	}
	field = FieldDeviceLabel
	if !ValidDeviceLabel(req.DeviceLabel) {
		refuse(false, "The device label %s can only use lowercase letters, digits and single hyphens, like \"iphone\".", words.Quote(req.DeviceLabel))
	}
	field = FieldOutputs
	for _, o := range req.Outputs {
		if !slices.Contains(ugc.AllOutputTypes, o) {
			refuse(false, "%s is not an output Move makes.", words.Quote(string(o)))
		}
	}
	if len(problems) > 0 {
		return warnings, &CheckError{Problems: problems}
	}
	return warnings, nil
}

// checkFile refuses a file that is missing, unreadable, empty or of the
// wrong kind, and reports whether it is worth looking inside.
func checkFile(path, what string, want media.Kind, refuse func(bool, string, ...any)) bool {
	name := words.QuoteFile(path)
	if strings.TrimSpace(path) == "" {
		refuse(false, "Choose a %s.", what)
		return false
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		refuse(false, "The %s %s cannot be found; it may have been moved or deleted.", what, name)
		return false
	case err != nil:
		refuse(false, "Singlecam cannot open the %s %s: %v.", what, name, media.Reason(err))
		return false
	case info.IsDir():
		refuse(false, "%s is a folder, not a %s.", name, what)
		return false
	case info.Size() == 0:
		refuse(false, "The %s %s is empty.", what, name)
		return false
	}
	if media.KindOf(path) != want {
		if want == media.KindVideo {
			refuse(false, "%s is not a video Singlecam can send: use an MP4 or MOV file.", name)
		} else {
			refuse(false, "%s is not a .move file from the Move One app.", name)
		}
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		refuse(false, "Singlecam cannot read the %s %s: %v.", what, name, media.Reason(err))
		return false
	}
	f.Close()
	return true
}

// HumanBytes writes a size the way file managers do: 812 MB, 3.9 GB.
func HumanBytes(n int64) string { return media.HumanSize(n) }
