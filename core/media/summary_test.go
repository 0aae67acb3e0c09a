package media

import (
	"testing"
	"time"
)

func TestSummarySaysOnlyWhatIsKnown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		r    Report
		want string
	}{
		{"readable", Report{Duration: 3 * time.Second, Width: 480, Height: 320, FPS: 30, Codec: "H.264", Container: "MP4", Size: 19_300},
			"0:03.0 · 480×320 · 30 fps · H.264 · MP4 · 19.3 kB"},
		{"no picture", Report{Duration: 5 * time.Second, Container: "MP4", Size: 13_645, HasAudio: true},
			"0:05.0 · MP4 · 13.6 kB · with sound"},
		{"nothing read but the box", Report{Container: "MP4"}, "MP4"},
	} {
		if got := Summary(&tc.r); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
