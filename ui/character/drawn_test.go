package character

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	qgltf "github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
)

// TestTheDrawnCharacterIsWhatIsWritten: the robot the window's player
// draws beside the CMU capture stands where the saved file's nodes put it,
// frame by frame (tester 4 saw it tangled while Blender showed the file
// upright). The file's joints are placed as Blender or three.js place
// them: each node's translation, rotation and scale, its animation's key
// for the frame in place of its own, multiplied down from the scene.
func TestTheDrawnCharacterIsWhatIsWritten(t *testing.T) {
	for _, scale := range []bool{false, true} {
		drawnAndWritten(t, scale)
	}
}

func drawnAndWritten(t *testing.T, scale bool) {
	testdata := filepath.Join("..", "..", "core", "motion", "roles", "testdata")
	m, err := load.Open(context.Background(), filepath.Join(testdata, "cmu_01_01_240.bvh"), -1)
	if err != nil {
		t.Fatal(err)
	}
	src := m.Clip
	if scale {
		// As the window reads it: in metres, beside a character.
		if src, err = fix.Scale(src, src.MetresPerUnit); err != nil {
			t.Fatal(err)
		}
	}
	ch, err := retarget.OpenCharacter(context.Background(), filepath.Join(testdata, "RobotExpressive.glb"))
	if err != nil {
		t.Fatal(err)
	}
	match := ch.Match(src.Actors[0].Skeleton)
	moved, err := ch.Retarget(src, match)
	if err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := ch.Encode(&file, moved, true); err != nil {
		t.Fatal(err)
	}
	doc := new(qgltf.Document)
	if err := qgltf.NewDecoder(&file).Decode(doc); err != nil {
		t.Fatal(err)
	}
	compareDrawn(t, doc, beside(src, moved, "Motion", ch.Name).Actors[1])
}

// compareDrawn fails where drawn's joints are not where the file's nodes
// put them, at a few frames, drawn moved back beside the motion.
func compareDrawn(t *testing.T, doc *qgltf.Document, drawn *motion.Actor) {
	t.Helper()
	nodeOf := map[string]int{}
	for i, n := range doc.Nodes {
		nodeOf[n.Name] = i
	}
	for _, f := range []int{0, 60, 126, 200} {
		written := writtenWorld(t, doc, f)
		pts := drawn.WorldPositions(f, nil)
		// beside moves the character along X only; compare it home.
		var shift motion.Vec3
		for j, joint := range drawn.Skeleton.Joints {
			n, ok := nodeOf[joint.Name]
			if !ok {
				t.Fatalf("joint %s has no node in the file", joint.Name)
			}
			w := written[n].Translation()
			if j == 0 {
				shift = pts[j].Sub(w)
				shift.Y, shift.Z = 0, 0
			}
			if d := pts[j].Sub(shift).Sub(w).Len(); d > 1e-3 {
				t.Errorf("frame %d: %s is drawn %.3f m from where the file puts it", f, joint.Name, d)
			}
		}
	}
}

// writtenWorld is every node's world matrix at frame f of the file's first
// animation (whose keys are one a frame).
func writtenWorld(t *testing.T, doc *qgltf.Document, f int) []motion.Mat4 {
	t.Helper()
	local := make([]motion.Transform, len(doc.Nodes))
	for i, n := range doc.Nodes {
		tr, r, s := n.TranslationOrDefault(), n.RotationOrDefault(), n.ScaleOrDefault()
		local[i] = motion.Transform{
			T: motion.Vec3{X: tr[0], Y: tr[1], Z: tr[2]},
			R: motion.Quat{X: r[0], Y: r[1], Z: r[2], W: r[3]},
			S: motion.Vec3{X: s[0], Y: s[1], Z: s[2]},
		}
	}
	anim := doc.Animations[0]
	for _, c := range anim.Channels {
		out, err := modeler.ReadAccessor(doc, doc.Accessors[anim.Samplers[c.Sampler].Output], nil)
		if err != nil {
			t.Fatal(err)
		}
		n := int(*c.Target.Node)
		switch v := out.(type) {
		case [][3]float32:
			p := motion.Vec3{X: float64(v[f][0]), Y: float64(v[f][1]), Z: float64(v[f][2])}
			if c.Target.Path == qgltf.TRSTranslation {
				local[n].T = p
			} else {
				local[n].S = p
			}
		case [][4]float32:
			local[n].R = motion.Quat{X: float64(v[f][0]), Y: float64(v[f][1]), Z: float64(v[f][2]), W: float64(v[f][3])}
		default:
			t.Fatalf("channel output %T", out)
		}
	}
	world := make([]motion.Mat4, len(doc.Nodes))
	var walk func(n int, parent motion.Mat4)
	walk = func(n int, parent motion.Mat4) {
		m := local[n].Matrix()
		world[n] = parent.Mul(&m)
		for _, c := range doc.Nodes[n].Children {
			walk(int(c), world[n])
		}
	}
	for _, n := range doc.Scenes[0].Nodes {
		walk(int(n), motion.Ident4)
	}
	return world
}

// TestTheWindowDrawsWhatItSaves: in the window, as tester 4 used it (the
// CMU capture, then the three.js robot, the player's clean-up), the robot
// drawn stands where the file Save writes puts its joints.
func TestTheWindowDrawsWhatItSaves(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	testdata := filepath.Join("..", "..", "core", "motion", "roles", "testdata")
	for _, name := range []string{"cmu_01_01_240.bvh", "RobotExpressive.glb"} {
		data, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	o := clean.Default
	w := NewWindow(a, filepath.Join(dir, "cmu_01_01_240.bvh"), "cmu_01_01_240", Options{
		Pick:      func(string) (string, error) { return filepath.Join(dir, "RobotExpressive.glb"), nil },
		Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now, Clean: &o,
	})
	defer w.Close()
	if w.shown == nil || len(w.shown.Actors) != 2 || w.Save.Disabled() {
		t.Fatalf("no robot beside the motion: %q", w.Notice.Text)
	}
	test.Tap(w.Save)
	data, err := os.ReadFile(w.Saved)
	if err != nil {
		t.Fatalf("%v (%s)", err, w.Notice.Text)
	}
	doc := new(qgltf.Document)
	if err := qgltf.NewDecoder(bytes.NewReader(data)).Decode(doc); err != nil {
		t.Fatal(err)
	}
	compareDrawn(t, doc, w.shown.Actors[1])
}
