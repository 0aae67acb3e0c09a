package export

import (
	"slices"
	"testing"

	"singlecam/core/motion/clean"
	"singlecam/core/motion/figure"
)

// TestAnExportHoldsThePlayersAfter: clean-up runs first, on the motion as
// read, so a file exported with a clean-up and its T-pose dropped holds
// the motion the player shows After (the figure's clean-up of the whole
// clip), frame for frame from frame 1; the T-pose, which clean-up keeps
// apart, is still found and dropped.
func TestAnExportHoldsThePlayersAfter(t *testing.T) {
	src := walk(t) // Move One's walk, T-pose first
	after, err := figure.Joints(src).Clean(t.Context(), src, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Plan(t.Context(), []Source{{Clip: src, Format: GLB, Dir: t.TempDir(), Base: "Walk 1"}}, Custom,
		Settings{DropTPose: true, Clean: clean.Default})
	if err != nil {
		t.Fatal(err)
	}
	got := files[0].Clip
	if !slices.Contains(files[0].Notes, "dropped the T-pose at frame 0") || got.Frames() != src.Frames()-1 {
		t.Fatalf("%d frames of %d, notes %q", got.Frames(), src.Frames(), files[0].Notes)
	}
	worst := 0.0
	for f := range got.Frames() {
		g, w := got.WorldPositions(0, f, nil), after.Clip.WorldPositions(0, f+1, nil)
		for j := range w {
			worst = max(worst, g[j].Sub(w[j]).Len())
		}
	}
	if worst > 1e-9 {
		t.Errorf("the export is up to %g from the player's After", worst)
	}
}
