package retarget

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion/load"
	"singlecam/core/motion/load/loadtest"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/roles"
)

// TestEverySourceOnACharacter puts every real and built source file (as
// the player and export open it: stood up, in its unit) on a Mixamo-named
// character: the character stays upright, head over hips, and moves. With
// SINGLECAM_DCC_OUT set, the results and sources-on-characters.json land
// there for `make dcc-check`.
func TestEverySourceOnACharacter(t *testing.T) {
	out := os.Getenv("SINGLECAM_DCC_OUT")
	if out == "" {
		out = t.TempDir()
	}
	dir := t.TempDir()
	skel := renamed(moveSkeleton(t), mixamoNames(t))
	ch, err := OpenCharacter(context.Background(), writeCharacter(t, dir, "Mixamo guy.glb", skel, retargettest.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	h, err := roles.Find(ch.Skeleton())
	if err != nil {
		t.Fatal(err)
	}
	name := func(r roles.Role) string { return ch.Skeleton().Joints[h.Of(r)].Name }
	type sample struct {
		File   string   `json:"file"`
		FPS    float64  `json:"fps"`
		Frames int      `json:"frames"`
		Bones  int      `json:"bones"`
		Mesh   string   `json:"mesh"`
		Hips   string   `json:"hips"`
		Head   string   `json:"head"`
		Feet   []string `json:"feet"`
		Hand   string   `json:"hand"`
		Floor  bool     `json:"floor"`
		// RestFloor is the mesh's lowest point at rest (m), the floor.
		RestFloor float64 `json:"rest_floor"`
	}
	restFloor := math.Inf(1)
	for _, v := range ch.vertices() {
		restFloor = min(restFloor, v.rest.Y)
	}
	var samples []sample
	for _, f := range append(loadtest.Corpus(t), loadtest.Files(t)...) {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := load.Open(context.Background(), p, -1)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		clip := m.Clip
		match := ch.Match(clip.Actors[0].Skeleton)
		moved, err := ch.Retarget(clip, match)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		a := moved.Actors[0]
		hips, head := h.Of(roles.Hips), h.Of(roles.Head)
		for _, fr := range []int{0, a.Frames / 2, a.Frames - 1} {
			w := a.WorldPositions(fr, nil)
			if w[head].Y < w[hips].Y+0.3 {
				t.Errorf("%s frame %d: head at %.2f m, hips at %.2f m", f.Name, fr, w[head].Y, w[hips].Y)
			}
		}
		path := save(t, ch, out, strings.TrimSuffix(f.Name, filepath.Ext(f.Name)), moved)
		// CMU's first two seconds are jumps, and the floor of Move's
		// sample sinks over its 4.8 s (its ankles stand 19 cm high at the
		// start and reach -7 cm at 2.4 s; clean-up's grounding fixes it),
		// so their feet are not checked against the character's floor.
		floor := !strings.HasPrefix(f.Name, "cmu") && !strings.HasPrefix(f.Name, "move")
		samples = append(samples, sample{File: filepath.Base(path), FPS: moved.FPS, Frames: moved.Frames(), Bones: len(skel.Joints), Mesh: "Body",
			Hips: name(roles.Hips), Head: name(roles.Head), Feet: []string{name(roles.LeftFoot), name(roles.RightFoot)}, Hand: name(roles.RightHand), Floor: floor, RestFloor: restFloor})
		t.Logf("%s on the character: %d frames at %g fps, %d bones matched", f.Name, moved.Frames(), moved.FPS, len(match.Pairs))
	}
	data, _ := json.MarshalIndent(samples, "", " ")
	if err := os.WriteFile(filepath.Join(out, "sources-on-characters.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
