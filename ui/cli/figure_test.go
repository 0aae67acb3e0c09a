package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/load"
	"singlecam/ui/preview"
)

// TestEveryFrontEndCleansACharacterByItsSoles: CesiumMan (a skinned body)
// is cleaned the same way by `singlecam clean`, `singlecam export --feet`,
// the player and its Export for…: the same numbers (which differ from
// those of cleaning by the joints), and the files written hold the motion
// the player shows After, frame by frame, down to the lowest point of the
// mesh's soles.
func TestEveryFrontEndCleansACharacterByItsSoles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "core", "motion", "roles", "testdata", "CesiumMan.gltf"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "CesiumMan.gltf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := load.Open(t.Context(), path, -1)
	if err != nil {
		t.Fatal(err)
	}
	src, err := export.SourceOf(t.Context(), path, "", m)
	if err != nil {
		t.Fatal(err)
	}
	soles := src.Figure.Bodies[0].Soles
	if src.Figure.Character == nil || len(soles[0]) == 0 || len(soles[1]) == 0 {
		t.Fatalf("CesiumMan is not stood on its soles: %+v", src.Figure)
	}
	want, err := src.Figure.Clean(t.Context(), src.Clip, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	byJoints, err := clean.Run(t.Context(), src.Clip, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	line := describeReport(want.Actors[0])
	if line == describeReport(byJoints.Actors[0]) {
		t.Fatalf("the soles and the joints give the same numbers, so this test proves nothing: %s", line)
	}
	t.Logf("by the soles: %s\nby the joints: %s", line, describeReport(byJoints.Actors[0]))

	// lowest is the height of the soles' lowest point on each frame.
	lowest := func(c *motion.Clip) []float64 {
		a := c.Actors[0]
		var w []motion.Mat4
		out := make([]float64, a.Frames)
		for f := range a.Frames {
			w = a.WorldMatrices(f, w)
			out[f] = math.Inf(1)
			for _, s := range append(append([]clean.Sole(nil), soles[0]...), soles[1]...) {
				out[f] = min(out[f], s.At(w).Y)
			}
		}
		return out
	}
	wantLow := lowest(want.Clip)
	// same says whether the file at p holds want's motion: every joint
	// within 0.1 mm (a GLB keeps float32), the soles' lowest point too.
	same := func(what, p string) {
		t.Helper()
		got, err := load.Open(t.Context(), p, -1)
		if err != nil {
			t.Fatal(err)
		}
		g, w := got.Clip.Actors[0], want.Clip.Actors[0]
		if g.Frames != w.Frames || len(g.Skeleton.Joints) != len(w.Skeleton.Joints) {
			t.Fatalf("%s: %d frames of %d joints, want %d of %d", what, g.Frames, len(g.Skeleton.Joints), w.Frames, len(w.Skeleton.Joints))
		}
		worst := 0.0
		for f := range w.Frames {
			gp, wp := g.WorldPositions(f, nil), w.WorldPositions(f, nil)
			for j := range wp {
				worst = max(worst, gp[j].Sub(wp[j]).Len())
			}
		}
		low, far := lowest(got.Clip), 0.0
		for f := range low {
			far = max(far, math.Abs(low[f]-wantLow[f]))
		}
		t.Logf("%s: joints within %.2g m, lowest sole within %.2g m of the player's After (frame 0: %.4f m, frame %d: %.4f m)", what, worst, far, low[0], len(low)/2, low[len(low)/2])
		if worst > 1e-4 || far > 1e-4 {
			t.Errorf("%s: joints %.2g m and the lowest sole %.2g m from the player's After", what, worst, far)
		}
	}

	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runClean([]string{"--out", out, path}, &stdout, &stderr); code != 0 {
		t.Fatalf("clean: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), line) {
		t.Errorf("singlecam clean says\n%s\nnot\n%s", stderr.String(), line)
	}
	same("singlecam clean", filepath.Join(out, "CesiumMan - clean.glb"))

	stdout.Reset()
	stderr.Reset()
	if code := runExport([]string{"--preset", "raw", "--feet", "auto", "--out", out, path}, &stdout, &stderr); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	same("singlecam export --feet auto", strings.TrimSpace(stdout.String()))

	// The player, and the Export for… it opens, tell the same numbers.
	a := test.NewTempApp(t)
	w := preview.NewWindow(a, m, "CesiumMan.gltf", nil)
	calls := make(chan func(), 8)
	w.Do = func(f func()) { calls <- f }
	w.Show() // CesiumMan is small: read again for its soles at once
	// CesiumMan's own walk is a cycle in place, which Auto leaves: both say so.
	wantText := preview.Describe(want.Actors) + "\n" + preview.InPlaceNote
	if got := w.CleanUp.Text(); got != wantText {
		t.Errorf("the player says\n%s\nnot\n%s", got, wantText)
	}
	var d *preview.ExportDialog
	preview.Exporter{Write: export.Write, Do: func(f func()) { calls <- f }, Shown: func(x *preview.ExportDialog) { d = x }, Clean: w.CleanUp.Options}.Show([]string{path}, "", w)
	(<-calls)()
	if d == nil {
		t.Fatal("no Export for… dialog")
	}
	if got := d.CleanUp.Text(); got != wantText {
		t.Errorf("Export for… says\n%s\nnot\n%s", got, wantText)
	}
	w.Close()
}
