package fix

import (
	"bytes"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/load/loadtest"
)

func TestStartsWithTPose(t *testing.T) {
	w := walk(t) // Move One's walk, T-pose first
	if !StartsWithTPose(w.Actors[0]) {
		t.Error("Move One's walk: the T-pose at frame 0 was not found")
	}
	if StartsWithTPose(DropFirstFrame(w).Actors[0]) {
		t.Error("the walk without its T-pose still starts with one")
	}
	// The built cases: only the Z-up centimetre BVH starts with a T-pose.
	for _, f := range loadtest.Files(t) {
		if f.Name[len(f.Name)-4:] != ".bvh" {
			continue
		}
		c, err := bvh.Read(bytes.NewReader(f.Data), f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if got := StartsWithTPose(c.Actors[0]); got != f.TPoseFirst {
			t.Errorf("%s: starts with a T-pose %v, want %v", f.Name, got, f.TPoseFirst)
		}
	}
	// A clip that holds its T-pose (frame 1 as frame 0) keeps it.
	still := motion.DemoClip(1, 1)
	if StartsWithTPose(still.Actors[0]) {
		t.Error("one frame")
	}
}
