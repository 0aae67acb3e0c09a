package media

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/hostile"
)

// Whatever bytes a file holds, the probe must not panic, nor allocate
// without bound: it reads headers, never more than the file has.
func fuzzProbe(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join("testdata", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := probeReader(bytes.NewReader(data), "fuzz.mp4", int64(len(data)), Options{})
		if err == nil && r.Container == "" && !r.Refused() {
			t.Fatalf("an unreadable file was not refused: %+v", r)
		}
	})
}

// addHostile seeds f with the small crafted files of ext (core/hostile).
func addHostile(f *testing.F, ext string) {
	for _, data := range hostile.Seeds(hostile.Video, ext) {
		f.Add(data)
	}
}

func FuzzProbeISO(f *testing.F) {
	addHostile(f, ".mp4")
	fuzzProbe(f, "h264.mp4", "rotated.mov", "moov-at-end.mp4", "truncated.mp4")
}

func FuzzProbeAVI(f *testing.F) {
	addHostile(f, ".avi")
	fuzzProbe(f, "clip.avi", "odd-chunk.avi")
	f.Add(append([]byte("RIFF\x00\x00\x00\x00AVI LIST\xff\xff\xff\x7fhdrl"), bytes.Repeat([]byte{0}, 64)...))
}
