package gltf

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"singlecam/core/hostile"
	"singlecam/core/motion"
)

// builder makes a small glTF JSON by hand, its buffer a data URI, so tests
// state every number a reader sees.
type builder struct {
	buf       []byte
	views     []map[string]any
	accessors []map[string]any
}

func (b *builder) floats(typ string, vals ...float64) int {
	off := len(b.buf)
	for _, v := range vals {
		b.buf = binary.LittleEndian.AppendUint32(b.buf, math.Float32bits(float32(v)))
	}
	comps := map[string]int{"SCALAR": 1, "VEC3": 3, "VEC4": 4}[typ]
	b.views = append(b.views, map[string]any{"buffer": 0, "byteOffset": off, "byteLength": len(vals) * 4})
	acc := map[string]any{"bufferView": len(b.views) - 1, "componentType": 5126, "count": len(vals) / comps, "type": typ}
	if typ == "SCALAR" {
		acc["min"] = []float64{vals[0]}
		acc["max"] = []float64{vals[len(vals)-1]}
	}
	b.accessors = append(b.accessors, acc)
	return len(b.accessors) - 1
}

func (b *builder) json(t testing.TB, rest map[string]any) []byte {
	doc := map[string]any{
		"asset":       map[string]any{"version": "2.0"},
		"buffers":     []any{map[string]any{"byteLength": len(b.buf), "uri": "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(b.buf)}},
		"bufferViews": b.views,
		"accessors":   b.accessors,
	}
	for k, v := range rest {
		doc[k] = v
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	s45   = math.Sqrt(0.5)
	rotZ  = []float64{0, 0, s45, s45} // 90° about Z
	ident = []float64{0, 0, 0, 1}
)

// armatureFile: a non-joint "Armature" node (moved up Z, turned 90° about
// X) above a two-joint skin; the hip turns 90° about Z (LINEAR, keys at 0,
// 0.25 and 1 s) and the knee slides along a CUBICSPLINE with an out-tangent.
func armatureFile(t testing.TB) []byte {
	var b builder
	cubicT := b.floats("SCALAR", 0, 1)
	cubicV := b.floats("VEC3", 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0)
	linT := b.floats("SCALAR", 0, 0.25, 1)
	linV := b.floats("VEC4", append(append(append([]float64{}, ident...), rotZ...), rotZ...)...)
	return b.json(t, map[string]any{
		"scene":  0,
		"scenes": []any{map[string]any{"nodes": []int{0}}},
		"nodes": []any{
			map[string]any{"name": "Armature", "children": []int{1}, "translation": []float64{0, 0, 1}, "rotation": []float64{s45, 0, 0, s45}},
			map[string]any{"name": "hip", "children": []int{2}, "translation": []float64{0, 1, 0}},
			map[string]any{"name": "knee", "translation": []float64{0, 1, 0}},
		},
		"skins": []any{map[string]any{"name": "body", "joints": []int{1, 2}}},
		"animations": []any{map[string]any{
			"name": "slide",
			"samplers": []any{
				map[string]any{"input": cubicT, "output": cubicV, "interpolation": "CUBICSPLINE"},
				map[string]any{"input": linT, "output": linV},
			},
			"channels": []any{
				map[string]any{"sampler": 0, "target": map[string]any{"node": 2, "path": "translation"}},
				map[string]any{"sampler": 1, "target": map[string]any{"node": 1, "path": "rotation"}},
			},
		}},
	})
}

func v(x, y, z float64) motion.Vec3 { return motion.Vec3{X: x, Y: y, Z: z} }

func readBytes(t testing.TB, data []byte, opt Options) (*File, error) {
	t.Helper()
	return Read(bytes.NewReader(data), int64(len(data)), opt)
}

func TestNonJointParentAndCubicSpline(t *testing.T) {
	f, err := readBytes(t, armatureFile(t), Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clip
	s := c.Actors[0].Skeleton
	if len(s.Joints) != 3 || s.Joints[0].Kind != motion.Node || s.Joints[1].Kind != motion.Bone || c.Actors[0].Name != "body" {
		t.Fatalf("skeleton %+v, actor %q", s.Joints, c.Actors[0].Name)
	}
	if c.FPS != 4 || c.Frames() != 5 || c.Name != "slide" {
		t.Fatalf("fps %v frames %d name %q", c.FPS, c.Frames(), c.Name)
	}
	// Worked out by hand in the comments of the test's file.
	want := map[int][3]motion.Vec3{
		0: {v(0, 0, 1), v(0, 0, 2), v(0, 0, 3)},
		1: {v(0, 0, 1), v(0, 0, 2), v(-1.15625, 0, 2.140625)},
		2: {v(0, 0, 1), v(0, 0, 2), v(-1.5, 0, 2.125)},
		4: {v(0, 0, 1), v(0, 0, 2), v(-2, 0, 2)},
	}
	for frame, w := range want {
		p := c.WorldPositions(0, frame, nil)
		for j := range w {
			if p[j].Sub(w[j]).Len() > 1e-5 {
				t.Errorf("frame %d joint %s at %v, want %v", frame, s.Joints[j].Name, p[j], w[j])
			}
		}
	}
}

func TestPicksTheLongestAnimationAndListsThemAll(t *testing.T) {
	var b builder
	short := b.floats("SCALAR", 0, 0.5)
	shortV := b.floats("VEC4", append(append([]float64{}, ident...), rotZ...)...)
	long := b.floats("SCALAR", 0, 1, 2)
	longV := b.floats("VEC3", 0, 0, 0, 1, 0, 0, 2, 0, 0)
	step := func(name string, in, out int, path string) map[string]any {
		return map[string]any{"name": name,
			"samplers": []any{map[string]any{"input": in, "output": out, "interpolation": "STEP"}},
			"channels": []any{map[string]any{"sampler": 0, "target": map[string]any{"node": 0, "path": path}}}}
	}
	data := b.json(t, map[string]any{
		"nodes":      []any{map[string]any{"name": "root"}},
		"skins":      []any{map[string]any{"joints": []int{0}}},
		"animations": []any{step("short", short, shortV, "rotation"), step("long", long, longV, "translation")},
	})
	f, err := readBytes(t, data, Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	if f.Chosen != 1 || len(f.Animations) != 2 || f.Animations[0].Name != "short" || f.Animations[1].Duration.Seconds() != 2 {
		t.Fatalf("chosen %d of %+v", f.Chosen, f.Animations)
	}
	// STEP holds a key until the next: at 1 fps, frame 1 is key 1 exactly.
	if p := f.Clip.WorldPositions(0, 1, nil); p[0] != (motion.Vec3{X: 1}) {
		t.Errorf("step frame 1 at %v", p[0])
	}
	f, err = readBytes(t, data, Options{Animation: 0})
	if err != nil || f.Chosen != 0 || f.Clip.Name != "short" || f.Clip.FPS != 2 {
		t.Fatalf("chose animation 0: %v %+v", err, f)
	}
}

func TestRestPoseWhenNoAnimation(t *testing.T) {
	var b builder
	data := b.json(t, map[string]any{
		"nodes": []any{map[string]any{"name": "a", "children": []int{1}}, map[string]any{"name": "b", "translation": []float64{0, 2, 0}}},
		"skins": []any{map[string]any{"joints": []int{0, 1}}},
	})
	f, err := readBytes(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Chosen != -1 || f.Clip.Frames() != 1 {
		t.Errorf("chosen %d frames %d", f.Chosen, f.Clip.Frames())
	}
	if p := f.Clip.WorldPositions(0, 0, nil); p[1] != (motion.Vec3{Y: 2}) {
		t.Errorf("b at %v", p[1])
	}
}

func TestRefusesBadFiles(t *testing.T) {
	good := string(armatureFile(t))
	tests := map[string]string{
		"empty":          "",
		"not json":       "hello",
		"glb cut":        "glTF\x02\x00\x00\x00",
		"glb v1":         "glTF\x01\x00\x00\x00\x20\x00\x00\x00\x00\x00\x00\x00JSON",
		"glb huge json":  "glTF\x02\x00\x00\x00\x20\x00\x00\x00\xff\xff\xff\x7fJSON",
		"version 1":      strings.Replace(good, `"version":"2.0"`, `"version":"1.0"`, 1),
		"loop":           strings.Replace(good, `"name":"knee"`, `"name":"knee","children":[0]`, 1),
		"missing child":  strings.Replace(good, `"children":[2]`, `"children":[9]`, 1),
		"bad skin joint": strings.Replace(good, `"joints":[1,2]`, `"joints":[1,7]`, 1),
		"short buffer":   strings.Replace(good, `"byteLength":140,"uri"`, `"byteLength":14000,"uri"`, 1),
		"vector times":   strings.Replace(good, `"input":2`, `"input":1`, 1),
		"view past end":  strings.Replace(good, `"byteLength":48,"byteOffset":92`, `"byteLength":4800,"byteOffset":92`, 1),
		"wrong type":     strings.Replace(good, `"type":"VEC4"`, `"type":"VEC3"`, 1),
		"bad sampler":    strings.Replace(good, `"sampler":1,`, `"sampler":5,`, 1),
		"null node":      strings.Replace(good, `"nodes":[{`, `"nodes":[null,{`, 1),
	}
	for name, in := range tests {
		if name != "empty" && name != "not json" && !strings.HasPrefix(name, "glb") && in == good {
			t.Errorf("%s: the test's replacement did not apply", name)
			continue
		}
		_, err := readBytes(t, []byte(in), Options{})
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !errors.Is(err, ErrNotGLTF) {
			t.Errorf("%s: %v does not wrap ErrNotGLTF", name, err)
		}
	}
}

// writeAndRead writes c as a GLB and reads it back.
func writeAndRead(t *testing.T, c *motion.Clip) *motion.Clip {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	f, err := readBytes(t, buf.Bytes(), Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	return f.Clip
}

func TestWriteReadRoundTrip(t *testing.T) {
	src := motion.DemoClip(2, 40)
	back := writeAndRead(t, src)
	if back.FPS != src.FPS || back.Frames() != src.Frames() || len(back.Actors) != 2 {
		t.Fatalf("fps %v frames %d actors %d", back.FPS, back.Frames(), len(back.Actors))
	}
	worst := 0.0
	for k := range src.Actors {
		for fr := range src.Frames() {
			a, b := src.WorldPositions(k, fr, nil), back.WorldPositions(k, fr, nil)
			for j := range a {
				worst = max(worst, a[j].Sub(b[j]).Len())
			}
		}
	}
	if worst > 1e-5 {
		t.Errorf("positions differ by %g", worst)
	}
	if back.Actors[1].Skeleton.Joints[5].Name != "Head_end" {
		t.Errorf("names lost: %q", back.Actors[1].Skeleton.Joints[5].Name)
	}
}

// TestKeepsTheLastFrameOfAnAlmostWholeRate: CMU's captures run at
// 120.00048 fps; the reader snaps that to 120, and a long clip written at
// the exact rate still reads back with every frame (2752, not 2751).
func TestKeepsTheLastFrameOfAnAlmostWholeRate(t *testing.T) {
	src := motion.DemoClip(1, 2752)
	src.FPS = 1 / 0.0083333
	if back := writeAndRead(t, src); back.FPS != 120 || back.Frames() != 2752 {
		t.Errorf("read %d frames at %g fps, want 2752 at 120", back.Frames(), back.FPS)
	}
}

func TestFrameCount(t *testing.T) {
	for _, tc := range []struct{ span, fps, want float64 }{
		{1, 30, 30},                   // whole
		{2751 / 120.00048, 120, 2751}, // snapped rate, long clip
		{1.5 / 30, 30, 1},             // keys off the grid: no frame past the end
		{0.999 / 30, 30, 1},           // within a hundredth of a step
		{0.9 / 30, 30, 0},
	} {
		if got := frameCount(tc.span, tc.fps); got != tc.want {
			t.Errorf("frameCount(%g, %g) = %g, want %g", tc.span, tc.fps, got, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(armatureFile(f))
	var buf bytes.Buffer
	Write(&buf, motion.DemoClip(1, 3))
	f.Add(buf.Bytes())
	for _, data := range hostileFiles() {
		f.Add(data)
	}
	for _, data := range hostile.Seeds(hostile.Motion, ".gltf") { // crafted files (core/hostile)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
		if err != nil {
			return
		}
		if err := file.Clip.Validate(); err != nil {
			t.Fatalf("Read returned an invalid clip: %v", err)
		}
	})
}
