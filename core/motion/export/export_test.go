package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/gltf/gltftest"
	"singlecam/core/motion/load"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// walk is 2 s of Move One's walk at 30 fps, T-pose first.
func walk(t testing.TB) *motion.Clip {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 2, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// byName returns actor 0's world positions at frame f, by joint name.
func byName(c *motion.Clip, f int) map[string]motion.Vec3 {
	s := c.Actors[0].Skeleton
	p := c.WorldPositions(0, f, nil)
	out := map[string]motion.Vec3{}
	for j, joint := range s.Joints {
		out[joint.Name] = p[j]
	}
	return out
}

// sameMotion checks that every bone of want is in got, at want's position
// passed through expect, to eps at every frame.
func sameMotion(t *testing.T, what string, got, want *motion.Clip, expect func(motion.Vec3) motion.Vec3, eps float64) {
	t.Helper()
	if got.Frames() != want.Frames() {
		t.Fatalf("%s: %d frames, want %d", what, got.Frames(), want.Frames())
	}
	worst := 0.0
	for f := range want.Frames() {
		g, w := byName(got, f), byName(want, f)
		for name, p := range w {
			q, ok := g[name]
			if !ok {
				if k := want.Actors[0].Skeleton.Index(name); want.Actors[0].Skeleton.Joints[k].Kind == motion.Bone {
					t.Fatalf("%s: bone %s lost", what, name)
				}
				continue
			}
			worst = math.Max(worst, q.Sub(expect(p)).Len())
		}
	}
	if worst > eps {
		t.Errorf("%s: a joint is %.2g m from where it should be (allowed %g)", what, worst, eps)
	}
}

func identity(v motion.Vec3) motion.Vec3 { return v }

func readBack(t *testing.T, f Format, data []byte) *motion.Clip {
	t.Helper()
	if f == BVH {
		c, err := bvh.Read(bytes.NewReader(data), "x")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	g, err := gltf.Read(bytes.NewReader(data), int64(len(data)), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	return g.Clip
}

// TestRoundTripsKeepTheMotion: GLB → GLB and BVH → BVH with nothing changed
// keep every joint's world position to 1e-4 m at every frame; with Z up or
// centimetres (BVH) the positions are the source's, turned or scaled.
func TestRoundTripsKeepTheMotion(t *testing.T) {
	src := walk(t)
	zUp := func(p motion.Vec3) motion.Vec3 { return motion.Vec3{X: p.X, Y: -p.Z, Z: p.Y} }
	for _, tc := range []struct {
		name   string
		format Format
		s      Settings
		expect func(motion.Vec3) motion.Vec3
	}{
		{"glb to glb", GLB, Settings{}, identity},
		{"bvh to bvh", BVH, Settings{}, identity},
		{"bvh in cm", BVH, Settings{Units: "cm"}, func(p motion.Vec3) motion.Vec3 { return p.Scale(100) }},
		{"bvh z up", BVH, Settings{Up: "z"}, zUp},
		{"bvh z up in cm", BVH, Settings{Up: "z", Units: "cm"}, func(p motion.Vec3) motion.Vec3 { return zUp(p).Scale(100) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The source is itself a file of the format, read back.
			first := File{Format: tc.format, Clip: src, Path: "src." + string(tc.format)}
			data, err := first.Encode()
			if err != nil {
				t.Fatal(err)
			}
			in := readBack(t, tc.format, data)
			sameMotion(t, "source file", in, src, identity, 1e-4)
			tc.s.Format = tc.format
			files, err := Plan(context.Background(), []Source{{Clip: in, Format: tc.format, Dir: t.TempDir(), Base: "walk"}}, "raw", tc.s)
			if err != nil {
				t.Fatal(err)
			}
			data, err = files[0].Encode()
			if err != nil {
				t.Fatal(err)
			}
			eps := 1e-4
			if tc.s.Units == "cm" {
				eps = 1e-2 // 1e-4 m in centimetres
			}
			sameMotion(t, "exported file", readBack(t, tc.format, data), in, tc.expect, eps)
		})
	}
}

// upright checks the Y-up clip's head is above its hips and its feet are on
// the floor at every frame, in metres.
func upright(t *testing.T, name string, c *motion.Clip, head, hips, toe string, metres float64) {
	t.Helper()
	for f := range c.Frames() {
		p := byName(c, f)
		h, hp, to := p[head].Scale(metres), p[hips].Scale(metres), p[toe].Scale(metres)
		if h.Y < hp.Y+0.3 || to.Y > 0.2 || to.Y < -0.05 {
			t.Fatalf("%s frame %d: head %v, hips %v, toe %v: not upright on the floor", name, f, h, hp, to)
		}
	}
}

func TestEveryPresetMakesAFileThatReadsBackAsThePresetSays(t *testing.T) {
	src := walk(t)
	dir := t.TempDir()
	glbs := map[string][]byte{}
	for _, p := range Presets() {
		t.Run(p.Name, func(t *testing.T) {
			files, err := Plan(context.Background(), []Source{{Clip: src, Format: GLB, Dir: dir, Base: "Walk 1"}}, p.Name, p.Settings)
			if err != nil {
				t.Fatal(err)
			}
			format := p.Format
			if format == "" {
				format = GLB
			}
			if len(files) != 1 || filepath.Base(files[0].Path) != "Walk 1 - "+p.Name+"."+string(format) {
				t.Fatalf("files %v", files)
			}
			data, err := files[0].Encode()
			if err != nil {
				t.Fatal(err)
			}
			if format == GLB {
				glbs[p.Name+".glb"] = data
			}
			got := readBack(t, format, data)
			wantFrames := src.Frames()
			if p.DropTPose {
				wantFrames--
			}
			if p.FPS != 0 {
				wantFrames = int(math.Floor(float64(wantFrames-1)/src.FPS*p.FPS+1e-6)) + 1
			}
			if got.Frames() != wantFrames || (p.FPS != 0 && math.Abs(got.FPS-p.FPS) > 1e-6) {
				t.Errorf("%d frames at %g fps, want %d at %g", got.Frames(), got.FPS, wantFrames, p.FPS)
			}
			hips, head, toe := "_1:Hips", "_1:Head", "_1:LeftToeBase"
			if p.Names != "" {
				m := map[string]string{"plain": "Hips", "mixamo": "mixamorig:Hips", "ue5": "pelvis", "unity": "Hips", "vrm": "hips"}
				hips = m[p.Names]
				hd := map[string]string{"plain": "Head", "mixamo": "mixamorig:Head", "ue5": "head", "unity": "Head", "vrm": "head"}
				head = hd[p.Names]
				tb := map[string]string{"plain": "LeftToeBase", "mixamo": "mixamorig:LeftToeBase", "ue5": "ball_l", "unity": "LeftToes", "vrm": "leftToes"}
				toe = tb[p.Names]
				// Helper bones keep their names, without Move's prefix and
				// behind the rig's own when it has one (mixamorig:).
				heel := "heel.02.L"
				if p.Names == "mixamo" {
					heel = "mixamorig:heel.02.L"
				}
				if got.Actors[0].Skeleton.Index(heel) < 0 {
					t.Errorf("the helper bone %s is missing", heel)
				}
			}
			for _, j := range got.Actors[0].Skeleton.Joints {
				if p.Names != "" && strings.HasPrefix(j.Name, "_1:") {
					t.Errorf("%s keeps its prefix", j.Name)
				}
			}
			metres := 1.0
			if p.Units == "cm" {
				metres = 0.01
			}
			upright(t, p.Name, got, head, hips, toe, metres)
		})
	}
	gltftest.Validate(t, glbs)
}

func TestInPlaceKeepsTheHipsOnTheVerticalAxis(t *testing.T) {
	src := walk(t)
	for _, up := range []string{"y", "z"} {
		files, err := Plan(context.Background(), []Source{{Clip: src, Format: BVH, Dir: t.TempDir(), Base: "w"}}, "custom", Settings{Names: "plain", InPlace: true, Up: up, Units: "cm"})
		if err != nil {
			t.Fatal(err)
		}
		data, _ := files[0].Encode()
		got := readBack(t, BVH, data)
		for f := range got.Frames() {
			h := byName(got, f)["Hips"]
			side := math.Hypot(h.X, h.Z)
			if up == "z" {
				side = math.Hypot(h.X, h.Y)
			}
			if side > 1 { // 1 cm
				t.Fatalf("up %s frame %d: hips %v cm off the vertical axis", up, f, side)
			}
		}
	}
}

func TestBadSettingsAreRefusedInASentence(t *testing.T) {
	src := []Source{{Clip: walk(t), Format: GLB, Dir: t.TempDir(), Base: "w"}}
	for _, s := range []Settings{
		{Names: "maya"}, {Up: "x"}, {Units: "mm"}, {FPS: -3}, {FPS: 5000}, {Format: "fbx"},
		{Format: GLB, Up: "z"}, {Units: "cm"}, // a GLB is Y up in metres
	} {
		if _, err := Plan(context.Background(), src, "custom", s); !errors.Is(err, ErrBadSettings) {
			t.Errorf("%+v: got %v", s, err)
		}
	}
	if _, err := Lookup("maya"); err == nil || !strings.Contains(err.Error(), "blender") {
		t.Errorf("unknown preset: %v", err)
	}
	if p, err := Lookup(" Unreal "); err != nil || p.Names != "ue5" {
		t.Errorf("Unreal: %v %v", p, err)
	}
}

func TestWritingNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	original := filepath.Join(dir, "walk.glb")
	var b bytes.Buffer
	if err := gltf.Write(&b, walk(t)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(original, b.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "walk - blender.glb"), []byte("mine"), 0o644)
	src, err := Open(context.Background(), original, "")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Lookup("blender")
	// The same source twice: each gets its own name.
	files, err := Plan(context.Background(), []Source{src, src}, p.Name, p.Settings)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := Write(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "walk - blender (2).glb"), filepath.Join(dir, "walk - blender (3).glb")}
	if len(paths) != 2 || paths[0] != want[0] || paths[1] != want[1] {
		t.Fatalf("wrote %v, want %v", paths, want)
	}
	if mine, _ := os.ReadFile(filepath.Join(dir, "walk - blender.glb")); string(mine) != "mine" {
		t.Error("an existing file was overwritten")
	}
	if now, _ := os.ReadFile(original); !bytes.Equal(now, b.Bytes()) {
		t.Error("the original changed")
	}
	if _, err := load.Open(context.Background(), paths[0], -1); err != nil {
		t.Errorf("the export does not open: %v", err)
	}
	// A file that appears between plan and write is not clobbered, and
	// nothing of the export is left behind.
	files, _ = Plan(context.Background(), []Source{src, src}, p.Name, p.Settings)
	os.WriteFile(files[1].Path, []byte("late"), 0o644)
	if _, err := Write(context.Background(), files); err == nil {
		t.Fatal("no error when a planned name was taken")
	}
	if _, err := os.Stat(files[0].Path); err == nil {
		t.Error("a partial export was left behind")
	}
	if late, _ := os.ReadFile(files[1].Path); string(late) != "late" {
		t.Error("the late file was overwritten")
	}
}

func TestSeveralActorsMakeOneBVHEach(t *testing.T) {
	c := motion.DemoClip(2, 10)
	c.Actors[0].Name, c.Actors[1].Name = "Ann", ""
	files, err := Plan(context.Background(), []Source{{Clip: c, Format: BVH, Dir: "/x", Base: "take"}}, "raw", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "/x/take - raw - Ann.bvh" || files[1].Path != "/x/take - raw - actor 2.bvh" {
		t.Fatalf("%v", files)
	}
	if len(files[1].Clip.Actors) != 1 {
		t.Error("not split")
	}
}

// TestTheREADMEDocumentsEveryPreset: the README's table says what each
// preset does, so the table must follow the code.
func TestTheREADMEDocumentsEveryPreset(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"": "as in the file", "plain": "plain (prefix removed)", "mixamo": "Mixamo `mixamorig:`", "ue5": "UE5 mannequin", "unity": "Unity Humanoid", "vrm": "VRM 1.0 humanoid"}
	for _, p := range Presets() {
		cell := func(s, empty string) string {
			if s == "" {
				return empty
			}
			return s
		}
		tpose := "kept"
		if p.DropTPose {
			tpose = "dropped"
		}
		rate := "source"
		if p.FPS != 0 {
			rate = fmt.Sprint(p.FPS)
		}
		inPlace := "no"
		if p.InPlace {
			inPlace = "yes"
		}
		row := fmt.Sprintf("| `%s` | %s | %s | %s | %s | %s | %s | %s |", p.Name, names[p.Names], tpose,
			cell(strings.ToUpper(string(p.Format)), "source"), cell(strings.ToUpper(p.Up), "Y"), cell(p.Units, "source"), rate, inPlace)
		if !strings.Contains(string(readme), row) {
			t.Errorf("the README lacks the row\n%s", row)
		}
	}
}
