package load

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"singlecam/core/motion"
	"singlecam/core/motion/load/loadtest"
)

// corpus writes the real file of loadtest's corpus (see its README) of
// this name, ungzipped, in a temporary folder.
func corpus(t *testing.T, name string) string {
	t.Helper()
	for _, f := range loadtest.Corpus(t) {
		if f.Name == name {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	t.Fatalf("no %s in the corpus", name)
	return ""
}

// An animation's length is the same number in the list of a file's
// animations (the terminal's --list, the player's menu) and in the clip
// read from it (the player's clock): its first key to its last. The
// tester saw Robot "Walking" as 0.96 s, 0:00.95 and 0:01.00.
func TestAnAnimationLastsAsLongEverywhere(t *testing.T) {
	for _, c := range []struct {
		file string
		want map[string]time.Duration // a few, to the hundredth
	}{
		{"RobotExpressive.glb", map[string]time.Duration{"Walking": 960 * time.Millisecond, "Dance": 3330 * time.Millisecond}},
		{"CesiumMan.gltf", map[string]time.Duration{"": 2000 * time.Millisecond}},
	} {
		path := corpus(t, c.file)
		first, err := Open(t.Context(), path, -1)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range first.Animations {
			m, err := Open(t.Context(), path, i)
			if err != nil {
				t.Fatal(err)
			}
			listed, played := motion.Hundredths(a.Duration), motion.Hundredths(m.Clip.Duration())
			if listed != played {
				t.Errorf("%s %d %q: listed as %v, plays %v", c.file, i, a.Name, listed, played)
			}
			if want, ok := c.want[a.Name]; ok && listed != want {
				t.Errorf("%s %q: %v, want %v", c.file, a.Name, listed, want)
			}
		}
	}
	// A BVH: 240 frames at 120 fps end on the 240th, at 239/120 s.
	m, err := Open(t.Context(), corpus(t, "cmu_01_01_240.bvh"), -1)
	if err != nil {
		t.Fatal(err)
	}
	if got := motion.Hundredths(m.Clip.Duration()); m.Clip.Frames() != 240 || got != 1990*time.Millisecond {
		t.Errorf("the BVH: %d frames, %v", m.Clip.Frames(), got)
	}
}
