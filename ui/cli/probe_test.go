package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(name string) string { return filepath.Join("..", "..", "core", "media", "testdata", name) }

func TestProbePrintsReportsAndExitsOnRefusal(t *testing.T) {
	var stdout bytes.Buffer
	if code := runProbe([]string{fixture("h264.mp4"), fixture("rotated.mov")}, &stdout, &bytes.Buffer{}); code != 0 {
		t.Errorf("good videos: exit %d\n%s", code, stdout.String())
	}
	for _, says := range []string{"h264.mp4: can be sent", "portrait (320×480)", "0:03.0 · 480×320 · 30 fps · H.264 · MP4"} {
		if !strings.Contains(stdout.String(), says) {
			t.Errorf("output lacks %q:\n%s", says, stdout.String())
		}
	}
	stdout.Reset()
	if code := runProbe([]string{fixture("h264.mp4"), fixture("notes.mp4")}, &stdout, &bytes.Buffer{}); code != 1 ||
		!strings.Contains(stdout.String(), "notes.mp4: would be refused") {
		t.Errorf("a text file: exit %d\n%s", code, stdout.String())
	}
	if code := runProbe([]string{"--clip", "5:35", fixture("long-70s.mp4")}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Errorf("a long video with a clip window: exit %d", code)
	}
	if code := runProbe([]string{"--ignore-limits", fixture("fps15.mp4")}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Errorf("15 fps with limits ignored: exit %d", code)
	}
}

func TestProbeJSONNamesEveryFact(t *testing.T) {
	var stdout bytes.Buffer
	runProbe([]string{"--json", fixture("vfr.mp4"), fixture("small-240.mp4")}, &stdout, &bytes.Buffer{})
	var reports []probeJSON
	if err := json.Unmarshal(stdout.Bytes(), &reports); err != nil || len(reports) != 2 {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if r := reports[0]; !r.VariableFPS || r.Codec != "H.264" || r.Width != 480 || r.Refused {
		t.Errorf("vfr: %+v", r)
	}
	if r := reports[1]; !r.Refused || r.Findings[0].Severity != "limit" {
		t.Errorf("small: %+v", r)
	}
}

// A folder given as a video says so, instead of "<nil>" (an error that
// wraps nothing was once unwrapped for its cause).
func TestProbeOfAFolderSaysWhy(t *testing.T) {
	var stdout bytes.Buffer
	code := runProbe([]string{t.TempDir()}, &stdout, &bytes.Buffer{})
	if code != 1 || strings.Contains(stdout.String(), "<nil>") || !strings.Contains(stdout.String(), "folder") {
		t.Errorf("exit %d, output %q", code, stdout.String())
	}
}
