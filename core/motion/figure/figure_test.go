package figure

import (
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion/clean"
	"singlecam/core/motion/load"
)

// The test files are the roles package's: CesiumMan (Khronos' skinned
// walker, CC-BY 4.0 Cesium) and CMU's 01_01 (free for all uses); its
// README says where each comes from.
func testFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "roles", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAFileStandsOnItsMeshOrItsJoints: CesiumMan, a skinned body whose
// animation plays its own skeleton, stands on its mesh's soles (both feet,
// the character kept); CMU's BVH and CesiumMan read lying down (turned
// upright, so its clip no longer plays its body's skeleton as the file
// holds it) stand on their joints.
func TestAFileStandsOnItsMeshOrItsJoints(t *testing.T) {
	cesium := testFile(t, "CesiumMan.gltf")
	for _, tc := range []struct {
		name        string
		path        string
		opt         load.Options
		soles, body bool
		apart       bool
	}{
		{"CesiumMan", cesium, load.Options{Animation: -1}, true, true, false},
		{"CMU", testFile(t, "cmu_01_01_240.bvh"), load.Options{Animation: -1}, false, false, false},
		{"CesiumMan read as Z up", cesium, load.Options{Animation: -1, Up: "z"}, false, false, true},
	} {
		m, err := load.OpenWith(t.Context(), tc.path, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Of(t.Context(), m)
		if err != nil {
			t.Fatal(err)
		}
		b := f.Bodies[0]
		if b == nil {
			t.Fatalf("%s: no legs found", tc.name)
		}
		soles := len(b.Soles[0]) > 0 && len(b.Soles[1]) > 0
		if soles != tc.soles || (f.Character != nil) != tc.body || f.Apart != tc.apart {
			t.Errorf("%s: soles %d+%d, character %v, apart %v", tc.name, len(b.Soles[0]), len(b.Soles[1]), f.Character != nil, f.Apart)
		}
		if l := f.Light(); l.Character != nil || len(l.Bodies) != len(f.Bodies) {
			t.Errorf("%s: Light keeps the character or loses the bodies", tc.name)
		}
	}
}

// TestCleaningByTheSolesDiffersFromTheJoints: on CesiumMan the figure's
// clean-up is not the joints' (the soles sit below the toe joint), and a
// nil figure is the joints'.
func TestCleaningByTheSolesDiffersFromTheJoints(t *testing.T) {
	m, err := load.Open(t.Context(), testFile(t, "CesiumMan.gltf"), -1)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Of(t.Context(), m)
	if err != nil {
		t.Fatal(err)
	}
	soles, err := f.Clean(t.Context(), m.Clip, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	var none *Figure
	joints, err := none.Clean(t.Context(), m.Clip, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	run, err := clean.Run(t.Context(), m.Clip, clean.Default)
	if err != nil {
		t.Fatal(err)
	}
	if joints.Actors[0].After != run.Actors[0].After {
		t.Errorf("a nil figure cleans as %+v, the joints as %+v", joints.Actors[0].After, run.Actors[0].After)
	}
	if soles.Actors[0].After == joints.Actors[0].After {
		t.Errorf("the soles and the joints clean CesiumMan alike: %+v", soles.Actors[0].After)
	}
	t.Logf("by the soles %+v\nby the joints %+v", soles.Actors[0].After, joints.Actors[0].After)
}

// TestQuickIsASmallFileOrNoCharacter: a BVH is quick, CesiumMan (0.4 MB)
// is, a GLB over 8 MB is not.
func TestQuickIsASmallFileOrNoCharacter(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.glb")
	if err := os.WriteFile(big, make([]byte, quickBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		quick bool
	}{{"walk.bvh", true}, {testFile(t, "CesiumMan.gltf"), true}, {big, false}, {"", true}} {
		if got := Quick(&load.Motion{Path: tc.path}); got != tc.quick {
			t.Errorf("Quick(%q) = %v", tc.path, got)
		}
	}
}
