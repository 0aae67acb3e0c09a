package submit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/media"
	"singlecam/core/media/mediatest"
	"singlecam/core/ugc"
)

// sparse makes a file that costs no disk: a valid MP4 for video names,
// zeros for any other.
func sparse(t *testing.T, name string, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if media.KindOf(name) == media.KindVideo && size > 0 {
		if err := mediatest.WriteSparseMP4(path, size); err != nil {
			t.Fatal(err)
		}
		return path
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func fixture(name string) string { return filepath.Join("..", "media", "testdata", name) }

func TestCheckRefusesInPlainWords(t *testing.T) {
	dir := t.TempDir()
	ok := sparse(t, "ok.mp4", 30_000)
	for name, tc := range map[string]struct {
		req   Request
		says  string
		limit bool
	}{
		"no video":       {Request{}, "Choose a video.", false},
		"missing":        {Request{VideoPath: filepath.Join(dir, "nope.mp4")}, "cannot be found", false},
		"folder":         {Request{VideoPath: dir}, "is a folder", false},
		"empty":          {Request{VideoPath: sparse(t, "empty.mp4", 0)}, "is empty", false},
		"a PDF":          {Request{VideoPath: sparse(t, "notes.pdf", 10)}, "not a video Singlecam can send", false},
		"over 500 MB":    {Request{VideoPath: sparse(t, "big.mov", 600_000_000)}, "600 MB; Move takes videos up to 500 MB", true},
		"text as .mp4":   {Request{VideoPath: fixture("notes.mp4")}, "not a video Singlecam can read", false},
		"sound only":     {Request{VideoPath: fixture("audio-only.mp4")}, "no video in it", false},
		"15 fps":         {Request{VideoPath: fixture("fps15.mp4")}, "runs at 15 fps", true},
		"move empty":     {Request{VideoPath: ok, MovePath: sparse(t, "ok.move", 0)}, "is empty", false},
		"over 5 GiB":     {Request{VideoPath: sparse(t, "huge.mp4", 6<<30), IgnoreLimits: true}, "at most 5 GiB", false},
		"move not .move": {Request{VideoPath: ok, MovePath: sparse(t, "sensor.txt", 5)}, "not a .move file", false},
		"label":          {Request{VideoPath: ok, DeviceLabel: "My iPhone"}, "lowercase letters, digits", false},
		"output":         {Request{VideoPath: ok, Outputs: []ugc.OutputType{"MAIN_OBJ"}}, "not an output Move makes", false},
		"backwards clip": {Request{VideoPath: ok, ClipWindow: &ugc.ClipWindow{Start: 5, End: 3}}, "end after it starts", false},
		"clip past end":  {Request{VideoPath: ok, ClipWindow: &ugc.ClipWindow{Start: 0, End: 75}}, "ends at 75 s", false},
		"long clip":      {Request{VideoPath: fixture("long-70s.mp4"), ClipWindow: &ugc.ClipWindow{Start: 0, End: 65}}, "65 s long; Move takes 2 to 60", true},
	} {
		_, err := Check(tc.req)
		var ce *CheckError
		if !errors.As(err, &ce) || len(ce.Problems) != 1 {
			t.Errorf("%s: err = %v, want one problem", name, err)
			continue
		}
		if p := ce.Problems[0]; !strings.Contains(p.Message, tc.says) || p.Limit != tc.limit {
			t.Errorf("%s: %+v, want %q (limit %v)", name, p, tc.says, tc.limit)
		}
	}
}

func TestIgnoringLimitsTurnsThemIntoWarnings(t *testing.T) {
	req := Request{VideoPath: sparse(t, "big.mp4", 600_000_000), IgnoreLimits: true}
	warnings, err := Check(req)
	ignored := 0
	for _, w := range warnings {
		if strings.HasSuffix(w, "(Sent anyway: documented limits are ignored.)") {
			ignored++
		}
	}
	if err != nil || ignored != 1 {
		t.Fatalf("err %v, warnings %q", err, warnings)
	}
}

func TestALongVideoWithAClipWindowIsSent(t *testing.T) {
	warnings, err := Check(Request{VideoPath: fixture("long-70s.mp4"), ClipWindow: &ugc.ClipWindow{Start: 10, End: 40}})
	if err != nil || !strings.Contains(strings.Join(warnings, "\n"), "only the clip window (10 s to 40 s)") {
		t.Errorf("err %v, warnings %q", err, warnings)
	}
}

func TestCheckListsEveryProblemAtOnce(t *testing.T) {
	_, err := Check(Request{VideoPath: fixture("small-240.mp4"), DeviceLabel: "Bad Label"})
	var ce *CheckError
	if !errors.As(err, &ce) || len(ce.Problems) != 2 {
		t.Errorf("err = %v, want both problems", err)
	}
}

func TestAVIIsSentWithAWarning(t *testing.T) {
	warnings, err := Check(Request{VideoPath: fixture("clip.avi")})
	if err != nil || !strings.Contains(strings.Join(warnings, "\n"), "only promise MP4 and MOV") {
		t.Errorf("err %v, warnings %q", err, warnings)
	}
}

func TestAMoveFileWithAnotherNameIsAWarning(t *testing.T) {
	move := filepath.Join(t.TempDir(), "other.move")
	os.WriteFile(move, make([]byte, 4096), 0o644)
	warnings, err := Check(Request{VideoPath: fixture("h264.mp4"), MovePath: move})
	if err != nil || !strings.Contains(strings.Join(warnings, "\n"), "have different names") {
		t.Errorf("err %v, warnings %q", err, warnings)
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{
		999: "999 bytes", 1000: "1.0 kB", 812_000_000: "812 MB", 3_900_000_000: "3.9 GB", 500_000_000: "500 MB",
	} {
		if got := HumanBytes(n); got != want {
			t.Errorf("HumanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestValidDeviceLabel(t *testing.T) {
	for label, ok := range map[string]bool{
		"iphone": true, "iphone-15": true, "cam2": true,
		"": false, "iPhone": false, "my phone": false, "-cam": false, "cam--2": false, "cam-": false,
	} {
		if ValidDeviceLabel(label) != ok {
			t.Errorf("ValidDeviceLabel(%q) = %v, want %v", label, !ok, ok)
		}
	}
}
