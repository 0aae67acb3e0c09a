package settings

import (
	"strings"
	"testing"
)

// The folder label breaks anywhere (a path has no spaces to break at), so a
// sentence on the path's line was cut mid-word, its next line starting with
// a space: the path has its line, the demo's note the next.
func TestTheDownloadFolderHasALineOfItsOwn(t *testing.T) {
	const dir = "/home/me/Downloads/Singlecam"
	for _, demo := range []bool{false, true} {
		lines := strings.Split(downloadFolderText(dir, demo), "\n")
		if lines[0] != dir {
			t.Errorf("demo %v: first line %q, want the folder alone", demo, lines[0])
		}
		if demo && (len(lines) != 2 || !strings.Contains(lines[1], "Demo folder")) {
			t.Errorf("demo: lines %q, want the folder then where the demo's jobs go", lines)
		}
	}
}
