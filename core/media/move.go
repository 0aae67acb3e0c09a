package media

import (
	"io"
	"path/filepath"
	"strings"

	"singlecam/core/guard"
	"singlecam/core/words"
)

// minMoveBytes: a .move file smaller than this cannot hold a take's sensor
// data.
const minMoveBytes = 512

// CheckMove looks at a .move file from the Move One app beside the video it
// goes with. Singlecam cannot read inside .move files: it checks that the
// file is there, readable and plausible, and says what it cannot tell.
func CheckMove(path, videoPath string) (out []Finding) {
	var fault error
	defer func() { // runs after guard.Recover, deferred below
		if fault != nil {
			out = []Finding{{Severity: Refusal, Message: words.QuoteFile(path) + " is not a .move file Singlecam can read (" + fault.Error() + ")."}}
		}
	}()
	defer guard.Recover(&fault, "read "+filepath.Base(path))
	add := func(s Severity, msg string) { out = append(out, Finding{Severity: s, Message: msg}) }
	name := words.QuoteFile(path)
	f, err := guard.Open(path) // a named pipe would block for ever
	if err != nil {
		return []Finding{{Severity: Refusal, Message: "Singlecam cannot open the .move file " + name + "."}}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return []Finding{{Severity: Refusal, Message: name + " is not a file Singlecam can read."}}
	}
	if _, err := f.Read(make([]byte, 1)); err != nil && err != io.EOF {
		return []Finding{{Severity: Refusal, Message: "Singlecam cannot read the .move file " + name + "."}}
	}
	switch {
	case info.Size() == 0:
		return []Finding{{Severity: Refusal, Message: "The .move file " + name + " is empty."}}
	case !strings.EqualFold(filepath.Ext(path), ".move"):
		return []Finding{{Severity: Refusal, Message: name + " is not a .move file from the Move One app."}}
	case info.Size() < minMoveBytes:
		add(Warning, "The .move file "+name+" is very small ("+HumanSize(info.Size())+"): it may not hold the take's sensor data.")
	}
	stem := func(p string) string { return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) }
	if videoPath != "" && !strings.EqualFold(stem(path), stem(videoPath)) {
		add(Warning, name+" and "+words.QuoteFile(videoPath)+" have different names: make sure they come from the same take.")
	}
	add(Info, "Singlecam checks only that the .move file is there and readable; Move reads what is inside it.")
	return out
}
