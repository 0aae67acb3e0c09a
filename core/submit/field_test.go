package submit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/ugc"
)

// Each problem says which field it is about, so a front end can show it
// there whatever its words (a file may well be named "clip window.mp4").
func TestEveryProblemSaysItsField(t *testing.T) {
	dir := t.TempDir()
	notVideo := filepath.Join(dir, "the clip window and device label.mp4")
	os.WriteFile(notVideo, []byte("not a video at all"), 0o644)
	long := fixture("long-70s.mp4")
	for name, tc := range map[string]struct {
		req  Request
		want string
	}{
		"a video that is none": {Request{VideoPath: notVideo}, FieldVideo},
		"a clip past the end":  {Request{VideoPath: fixture("short-1s.mp4"), ClipWindow: &ugc.ClipWindow{Start: 0, End: 30}}, FieldClip},
		"a clip backwards":     {Request{VideoPath: long, ClipWindow: &ugc.ClipWindow{Start: 20, End: 10}}, FieldClip},
		"a long video":         {Request{VideoPath: long}, FieldVideo},
		"a .move that is none": {Request{VideoPath: fixture("h264.mp4"), MovePath: filepath.Join(dir, "gone.move")}, FieldMove},
		"a label":              {Request{VideoPath: fixture("h264.mp4"), DeviceLabel: "My iPhone"}, FieldDeviceLabel},
		"an output":            {Request{VideoPath: fixture("h264.mp4"), Outputs: []ugc.OutputType{"MAIN_OBJ"}}, FieldOutputs},
	} {
		_, err := CheckFields(tc.req)
		var ce *CheckError
		if !errors.As(err, &ce) {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, p := range ce.Problems {
			if p.Field != tc.want {
				t.Errorf("%s: %q is about %q, want %q", name, p.Message, p.Field, tc.want)
			}
		}
	}
	warnings, err := CheckFields(Request{VideoPath: long, ClipWindow: &ugc.ClipWindow{Start: 0, End: 30}})
	if err != nil || len(warnings) == 0 {
		t.Fatalf("a window in a long video: %v, %v", warnings, err)
	}
	for _, w := range warnings {
		want := FieldVideo
		if strings.Contains(w.Message, "only the clip window") {
			want = FieldClip
		}
		if w.Field != want {
			t.Errorf("warning %q is about %q, want %q", w.Message, w.Field, want)
		}
	}
}
