package mediatest

import (
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/media"
)

func TestWrittenVideosProbeAsValid(t *testing.T) {
	for _, tc := range []struct {
		size   int64
		sparse bool
	}{{20_000, false}, {1_234_567, false}, {600_000_000, true}} {
		path := filepath.Join(t.TempDir(), "v.mp4")
		write := WriteMP4
		if tc.sparse {
			write = WriteSparseMP4
		}
		if err := write(path, tc.size); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(path)
		r, err := media.Probe(path, media.Options{IgnoreLimits: true})
		if err != nil || info.Size() != tc.size || r.Refused() || r.Codec != "H.264" {
			t.Errorf("size %d: %v, %d bytes, %+v", tc.size, err, info.Size(), r.Findings)
		}
	}
}
