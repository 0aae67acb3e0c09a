package retarget

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	qgltf "github.com/qmuntal/gltf"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/gltf/gltftest"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// vrmSkeleton is Move One's rig as a VRM avatar: bones named so that only
// the humanoid table can match them, an A-pose and other bone rolls.
func vrmSkeleton(t *testing.T, facingMinusZ bool) *motion.Skeleton {
	move := moveSkeleton(t)
	s := aPose(rolled(move, boneRolls(move)), "_1:LeftArm", "_1:RightArm")
	for i := range s.Joints {
		s.Joints[i].Name = "J_" + string(rune('A'+i%26)) + strings.Repeat("x", i/26)
	}
	if facingMinusZ {
		s.Joints[0].Rest.R = motion.AxisAngle(motion.Vec3{Y: 1}, 3.14159265358979).Mul(s.Joints[0].Rest.R)
	}
	return s
}

func writeCharacter(t *testing.T, dir, name string, s *motion.Skeleton, opt retargettest.Options) string {
	t.Helper()
	data, err := retargettest.GLB(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// save writes the character with the motion as the engine does.
func save(t *testing.T, ch *Character, dir, motionName string, moved *motion.Clip) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.Encode(&buf, moved, false); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, OutputName(motionName, ch.Name))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func decode(t *testing.T, data []byte) *qgltf.Document {
	t.Helper()
	doc := new(qgltf.Document)
	if err := qgltf.NewDecoder(bytes.NewReader(data)).Decode(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// viewBytes returns the bytes an accessor's (or image's) buffer view holds.
func viewBytes(doc *qgltf.Document, view *int) []byte {
	if view == nil {
		return nil
	}
	bv := doc.BufferViews[*view]
	return doc.Buffers[bv.Buffer].Data[bv.ByteOffset : bv.ByteOffset+bv.ByteLength]
}

func jsonOf(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSavedCharacterKeepsItsMeshesAndPlaysTheMotion(t *testing.T) {
	dir := t.TempDir()
	move := rigs.Move()
	cases := []struct {
		file string
		skel *motion.Skeleton
		opt  retargettest.Options
		vrm  int
	}{
		{"Avatar.vrm", vrmSkeleton(t, false), retargettest.Options{Humanoid: move.Roles(), VRM: 1}, 1},
		{"Old avatar.vrm", vrmSkeleton(t, true), retargettest.Options{Humanoid: move.Roles(), VRM: 0}, 0},
		{"Mixamo guy.glb", renamed(moveSkeleton(t), mixamoNames(t)), retargettest.Options{}, -1},
	}
	src := sourceClip(t, synth.Walk)
	files := map[string][]byte{}
	for _, tc := range cases {
		path := writeCharacter(t, dir, tc.file, tc.skel, tc.opt)
		ch, err := OpenCharacter(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if ch.VRM() != tc.vrm {
			t.Errorf("%s: VRM %d, want %d", tc.file, ch.VRM(), tc.vrm)
		}
		m := ch.Match(src.Actors[0].Skeleton)
		if tc.vrm >= 0 && m.How != ByVRM {
			t.Errorf("%s: matched by %s", tc.file, m.How)
		}
		moved, err := ch.Retarget(src, m)
		if err != nil {
			t.Fatal(err)
		}
		out := save(t, ch, filepath.Join(dir, "out"), "Walk 1", moved)
		if want := "Walk 1 on " + ch.Name + ".glb"; filepath.Base(out) != want {
			t.Errorf("saved as %s, want %s", filepath.Base(out), want)
		}
		before, _ := os.ReadFile(path)
		after, _ := os.ReadFile(out)
		files[filepath.Base(out)] = after
		sameContent(t, tc.file, decode(t, before), decode(t, after))

		// The file plays what was computed: read it back as a motion file.
		g, err := gltf.Read(bytes.NewReader(after), int64(len(after)), gltf.Options{Animation: -1})
		if err != nil {
			t.Fatal(err)
		}
		if g.Clip.FPS != src.FPS || g.Clip.Frames() != src.Frames() {
			t.Fatalf("%s: %d frames at %v fps, want %d at %v", tc.file, g.Clip.Frames(), g.Clip.FPS, src.Frames(), src.FPS)
		}
		got := g.Clip.Actors[0]
		for f := 0; f < src.Frames(); f += 7 {
			a, b := got.WorldPositions(f, nil), moved.Actors[0].WorldPositions(f, nil)
			for j := range b {
				if d := a[j].Sub(b[j]).Len(); d > 1e-4 {
					t.Fatalf("%s frame %d: joint %d read back %.2g m from where it was computed", tc.file, f, j, d)
				}
			}
		}
	}
	reports := gltftest.Validate(t, files)
	for _, r := range reports {
		for _, msg := range r.Messages {
			// VRM's extensions are unknown to the validator, and VRM 0.x's
			// name "VRM" lacks the vendor prefix it wants; anything else is ours.
			if !strings.Contains(msg, "UNSUPPORTED_EXTENSION") && !strings.Contains(msg, "INVALID_EXTENSION_NAME_FORMAT /extensionsUsed/0") {
				t.Errorf("%s: %s", r.File, msg)
			}
		}
	}
}

// sameContent checks that every accessor, image, mesh, material, skin and
// texture of the character is in the saved file byte for byte, and that
// only an animation was added.
func sameContent(t *testing.T, name string, a, b *qgltf.Document) {
	t.Helper()
	if len(b.Accessors) <= len(a.Accessors) {
		t.Fatalf("%s: no accessor was added", name)
	}
	for i, acc := range a.Accessors {
		if jsonOf(t, acc) != jsonOf(t, b.Accessors[i]) {
			t.Errorf("%s: accessor %d changed: %s, was %s", name, i, jsonOf(t, b.Accessors[i]), jsonOf(t, acc))
		}
		if !bytes.Equal(viewBytes(a, acc.BufferView), viewBytes(b, b.Accessors[i].BufferView)) {
			t.Errorf("%s: accessor %d's bytes changed", name, i)
		}
	}
	for i, img := range a.Images {
		if !bytes.Equal(viewBytes(a, img.BufferView), viewBytes(b, b.Images[i].BufferView)) || len(viewBytes(a, img.BufferView)) == 0 {
			t.Errorf("%s: image %d's bytes changed", name, i)
		}
	}
	for _, part := range []struct {
		what   string
		before any
		after  any
	}{
		{"meshes", a.Meshes, b.Meshes}, {"materials", a.Materials, b.Materials}, {"skins", a.Skins, b.Skins},
		{"textures", a.Textures, b.Textures}, {"images", a.Images, b.Images}, {"nodes", a.Nodes, b.Nodes},
		{"extensions", a.Extensions, b.Extensions}, {"scenes", a.Scenes, b.Scenes},
	} {
		if jsonOf(t, part.before) != jsonOf(t, part.after) {
			t.Errorf("%s: %s changed", name, part.what)
		}
	}
	if len(b.Animations) != len(a.Animations)+1 {
		t.Errorf("%s: %d animations, want %d", name, len(b.Animations), len(a.Animations)+1)
	}
}

func TestACharacterWithoutASkinIsRefused(t *testing.T) {
	path := writeCharacter(t, t.TempDir(), "Statue.glb", renamed(moveSkeleton(t), mixamoNames(t)), retargettest.Options{NoSkin: true})
	ch, err := OpenCharacter(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	src := sourceClip(t, synth.Wave)
	if _, err := ch.Retarget(src, ch.Match(src.Actors[0].Skeleton)); !errors.Is(err, ErrNoSkin) {
		t.Fatalf("got %v", err)
	}
}

func TestASavedMapReadsBackAndAppliesToItsCharacter(t *testing.T) {
	src := sourceClip(t, synth.Wave)
	skel := longLegs(t)
	m := NewMatch(skel, nil, src.Actors[0].Skeleton)
	m.Set("DEF-hand.L", "", "")
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadMatch(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var matched []Pair
	for _, p := range m.Pairs {
		if p.Motion != "" {
			matched = append(matched, p)
		}
	}
	if !reflect.DeepEqual(back.Pairs, matched) {
		t.Fatalf("pairs changed on the way: %+v", back.Pairs)
	}
	out, err := Clip(src, skel, back)
	if err != nil {
		t.Fatal(err)
	}
	if out.Actors[0].Tracks[skel.Index("DEF-hand.L")].R != nil {
		t.Error("the unmatched hand moves")
	}
	// A map naming bones the character lacks is refused with their names.
	back.Pairs = append(back.Pairs, Pair{Bone: "DEF-tail", Motion: "_1:Hips"})
	if _, err := Clip(src, skel, back); !errors.Is(err, ErrBadMap) || !strings.Contains(err.Error(), `"DEF-tail"`) {
		t.Errorf("got %v", err)
	}
	for _, bad := range []string{`{}`, `{"pairs":[{"bone":"","move":"x"}]}`, `{"pairs":[{"bone":"a"},{"bone":"a"}]}`, `[`} {
		if _, err := ReadMatch(strings.NewReader(bad)); !errors.Is(err, ErrBadMap) {
			t.Errorf("%s: got %v", bad, err)
		}
	}
}

func FuzzReadMatch(f *testing.F) {
	f.Add([]byte(`{"character":"x","pairs":[{"bone":"Hips","move":"_1:Hips","role":"hips"}]}`))
	f.Add([]byte(`{"pairs":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadMatch(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadMatch(&buf); err != nil {
			t.Fatalf("a map read once does not read again: %v", err)
		}
	})
}

// Reading a character stops at its next read once cancelled (a drop the
// user took back), not only before it starts.
func TestReadingACharacterStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "Robot.glb")
	os.WriteFile(path, []byte("glTF"), 0o644)
	if _, err := readCharacter(ctx, path); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
