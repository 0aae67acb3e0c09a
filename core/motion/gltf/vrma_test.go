package gltf

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/hostile"
	"singlecam/core/motion"
	"singlecam/core/motion/gltf/gltftest"
)

// handVRMA builds, without this package's writer, a VRM Animation as the
// VRMC_vrm_animation 1.0 specification describes one: plain nodes (no mesh,
// no skin) named as an exporter of its choice names them, the humanoid
// table mapping roles to those nodes, and an animation that translates
// the hips and turns the left upper arm down by 90° over one second.
func handVRMA(t testing.TB) []byte {
	t.Helper()
	doc := gltf.NewDocument()
	type n struct {
		name, role string
		parent     int
		at         [3]float64
	}
	nodes := []n{
		{"J_Hips", "hips", -1, [3]float64{0, 0.95, 0}},
		{"J_Spine", "spine", 0, [3]float64{0, 0.1, 0}},
		{"J_Chest", "chest", 1, [3]float64{0, 0.2, 0}},
		{"J_Neck", "neck", 2, [3]float64{0, 0.2, 0}},
		{"J_Head", "head", 3, [3]float64{0, 0.1, 0}},
		{"J_L_UpperArm", "leftUpperArm", 2, [3]float64{0.18, 0.15, 0}},
		{"J_L_LowerArm", "leftLowerArm", 5, [3]float64{0.28, 0, 0}},
		{"J_L_Hand", "leftHand", 6, [3]float64{0.26, 0, 0}},
		{"J_R_UpperArm", "rightUpperArm", 2, [3]float64{-0.18, 0.15, 0}},
		{"J_R_LowerArm", "rightLowerArm", 8, [3]float64{-0.28, 0, 0}},
		{"J_R_Hand", "rightHand", 9, [3]float64{-0.26, 0, 0}},
		{"J_L_UpperLeg", "leftUpperLeg", 0, [3]float64{0.09, -0.05, 0}},
		{"J_L_LowerLeg", "leftLowerLeg", 11, [3]float64{0, -0.42, 0}},
		{"J_L_Foot", "leftFoot", 12, [3]float64{0, -0.4, 0}},
		{"J_R_UpperLeg", "rightUpperLeg", 0, [3]float64{-0.09, -0.05, 0}},
		{"J_R_LowerLeg", "rightLowerLeg", 14, [3]float64{0, -0.42, 0}},
		{"J_R_Foot", "rightFoot", 15, [3]float64{0, -0.4, 0}},
	}
	bones := map[string]map[string]int{}
	for i, nd := range nodes {
		doc.Nodes = append(doc.Nodes, &gltf.Node{Name: nd.name, Translation: nd.at})
		if nd.parent < 0 {
			doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, i)
		} else {
			doc.Nodes[nd.parent].Children = append(doc.Nodes[nd.parent].Children, i)
		}
		bones[nd.role] = map[string]int{"node": i}
	}
	times := []float32{0, 0.5, 1}
	in := modeler.WriteAccessor(doc, gltf.TargetNone, times)
	doc.Accessors[in].Min, doc.Accessors[in].Max = []float64{0}, []float64{1}
	hips := modeler.WriteAccessor(doc, gltf.TargetNone, [][3]float32{{0, 0.95, 0}, {0, 0.95, 0.5}, {0, 0.95, 1}})
	s := float32(math.Sin(-math.Pi / 8))
	c := float32(math.Cos(-math.Pi / 8))
	arm := modeler.WriteAccessor(doc, gltf.TargetNone, [][4]float32{{0, 0, 0, 1}, {0, 0, s, c}, {0, 0, float32(-math.Sqrt2 / 2), float32(math.Sqrt2 / 2)}})
	doc.Animations = []*gltf.Animation{{
		Name: "wave",
		Samplers: []*gltf.AnimationSampler{
			{Input: in, Output: hips, Interpolation: gltf.InterpolationLinear},
			{Input: in, Output: arm, Interpolation: gltf.InterpolationLinear},
		},
		Channels: []*gltf.AnimationChannel{
			{Sampler: 0, Target: gltf.AnimationChannelTarget{Node: gltf.Index(0), Path: gltf.TRSTranslation}},
			{Sampler: 1, Target: gltf.AnimationChannelTarget{Node: gltf.Index(5), Path: gltf.TRSRotation}},
		},
	}}
	ext, _ := json.Marshal(map[string]any{"specVersion": "1.0", "humanoid": map[string]any{"humanBones": bones}})
	doc.Extensions = gltf.Extensions{VRMAExtension: json.RawMessage(ext)}
	doc.ExtensionsUsed = []string{VRMAExtension}
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadVRMANamesBonesByRoleAndPlaysTheMotion(t *testing.T) {
	data := handVRMA(t)
	f, err := ReadVRMA(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clip
	if len(c.Actors) != 1 || len(f.Animations) != 1 || f.Animations[0].Name != "wave" {
		t.Fatalf("%d actors, animations %+v", len(c.Actors), f.Animations)
	}
	s := c.Actors[0].Skeleton
	for _, role := range []string{"hips", "spine", "head", "leftUpperArm", "rightFoot"} {
		if s.Index(role) < 0 {
			t.Errorf("no joint named %s: %+v", role, s.Joints)
		}
	}
	last := c.Frames() - 1
	p := c.WorldPositions(0, last, nil)
	if d := p[s.Index("hips")].Sub(motion.Vec3{Y: 0.95, Z: 1}).Len(); d > 1e-4 {
		t.Errorf("the hips end %v from where the animation puts them", d)
	}
	// The left arm turned down: the hand hangs below the shoulder.
	if d := p[s.Index("leftHand")].Sub(p[s.Index("leftUpperArm")]); math.Abs(d.Y+0.54) > 1e-3 || math.Abs(d.X) > 1e-3 {
		t.Errorf("the left hand is at %v from the shoulder, want 0.54 m below", d)
	}
}

func TestReadVRMARefusesPlainGLB(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, motion.DemoClip(1, 10)); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadVRMA(bytes.NewReader(b.Bytes()), int64(b.Len()), Options{Animation: -1}); !errors.Is(err, ErrNotVRMA) {
		t.Errorf("a GLB without the extension: %v", err)
	}
}

func TestWriteVRMAReadsBackAndPassesTheKhronosValidator(t *testing.T) {
	data := handVRMA(t)
	f, err := ReadVRMA(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	s := f.Clip.Actors[0].Skeleton
	roles := map[string]int{}
	for j, joint := range s.Joints {
		roles[joint.Name] = j
	}
	var out bytes.Buffer
	if err := WriteVRMA(&out, f.Clip, roles); err != nil {
		t.Fatal(err)
	}
	back, err := ReadVRMA(bytes.NewReader(out.Bytes()), int64(out.Len()), Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	if back.Clip.Frames() != f.Clip.Frames() || back.Clip.FPS != f.Clip.FPS {
		t.Errorf("%d frames at %g fps, wrote %d at %g", back.Clip.Frames(), back.Clip.FPS, f.Clip.Frames(), f.Clip.FPS)
	}
	for fr := range f.Clip.Frames() {
		a, b := f.Clip.WorldPositions(0, fr, nil), back.Clip.WorldPositions(0, fr, nil)
		for j := range a {
			if d := a[j].Sub(b[j]).Len(); d > 1e-5 {
				t.Fatalf("frame %d joint %s moved %v", fr, s.Joints[j].Name, d)
			}
		}
	}
	if err := WriteVRMA(&out, f.Clip, map[string]int{"spine": 1}); err == nil {
		t.Error("a table without hips was written")
	}
	gltftest.Validate(t, map[string][]byte{"hand-built.vrma": data, "written.vrma": out.Bytes()})
}

func FuzzReadVRMA(f *testing.F) {
	f.Add(handVRMA(f))
	for _, data := range hostile.Seeds(hostile.Motion, ".gltf") { // crafted files (core/hostile)
		f.Add(data)
	}
	var b bytes.Buffer
	if err := Write(&b, motion.DemoClip(1, 3)); err == nil {
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadVRMA(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
		if err == nil {
			if err := got.Clip.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
