package movedata

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"singlecam/core/hostile"
	"singlecam/core/motion"
)

// sample is two frames in the layout of Move's public sample, with a
// field and a joint this reader does not know.
const sample = `{"version": 2, "mocap_data": [
{"timestamp": "0.0", "joint_data": {
  "Root": {"position": [0, 0, 0.95], "type": "euler_xyz", "rotations": [0, 0, 0], "torques": [0, 0, 0], "reaction_forces": 0.0},
  "Spine1": {"position": [0, 0, 1.1], "type": "euler_xyz", "rotations": [0, 0, 0]},
  "Left_hip": {"position": [0.1, 0, 0.9]},
  "Left_knee": {"position": [0.1, 0, 0.5]},
  "Prop": {"position": [2, 2, 0]}}},
{"timestamp": "0.016666666666666666", "joint_data": {
  "Root": {"position": [0, 1, 0.95]},
  "Spine1": {"position": [0, 1, 1.1]},
  "Left_hip": {"position": [0.1, 1, 0.9]},
  "Left_knee": {"position": [0.1, 1.24, 0.58], "reaction_forces": 1000.0}}}
]}`

func TestReadsPositionsZUpAsYUp(t *testing.T) {
	c, err := Read(strings.NewReader(sample), "character_1")
	if err != nil {
		t.Fatal(err)
	}
	if c.FPS != 60 || c.Frames() != 2 {
		t.Fatalf("fps %v frames %d", c.FPS, c.Frames())
	}
	s := c.Actors[0].Skeleton
	knee, hip, root := s.Index("Left_knee"), s.Index("Left_hip"), s.Index("Root")
	if s.Joints[knee].Parent != hip || s.Joints[hip].Parent != root || s.Joints[s.Index("Prop")].Parent != -1 {
		t.Fatalf("joints %+v", s.Joints)
	}
	// Z up (x, y, z) is Y up (x, z, −y).
	want := map[string][2]motion.Vec3{
		"Root":      {{X: 0, Y: 0.95, Z: 0}, {X: 0, Y: 0.95, Z: -1}},
		"Left_knee": {{X: 0.1, Y: 0.5, Z: 0}, {X: 0.1, Y: 0.58, Z: -1.24}},
		"Prop":      {{X: 2, Y: 0, Z: -2}, {X: 2, Y: 0, Z: -2}}, // missing in frame 1: stays put
	}
	for f := range 2 {
		p := c.WorldPositions(0, f, nil)
		for n, w := range want {
			if p[s.Index(n)].Sub(w[f]).Len() > 1e-12 {
				t.Errorf("frame %d %s at %v, want %v", f, n, p[s.Index(n)], w[f])
			}
		}
	}
}

func TestRefusesWhatIsNotMotionData(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"array":      "[]",
		"no list":    `{"frames": []}`,
		"no frames":  `{"mocap_data": []}`,
		"bad time":   `{"mocap_data": [{"timestamp": "soon", "joint_data": {"Root": {"position": [0,0,1]}}}]}`,
		"no joints":  `{"mocap_data": [{"timestamp": 0, "joint_data": {}}]}`,
		"cut":        sample[:200],
		"bad number": strings.Replace(sample, "0.95]", "1e999]", 1),
	} {
		if _, err := Read(strings.NewReader(in), "x"); !errors.Is(err, ErrNotMotionData) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestReadZipTakesEachActorsJSON(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"character_2.json", "README.txt", "sync.json", "character_1.json"} {
		w, _ := zw.Create(n)
		switch {
		case strings.HasPrefix(n, "character"):
			w.Write([]byte(sample))
		default:
			w.Write([]byte(`{"cameras": []}`))
		}
	}
	zw.Close()
	c, err := ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Actors) != 2 || c.Actors[0].Name != "character_1" {
		t.Errorf("%d actors, first %q", len(c.Actors), c.Actors[0].Name)
	}
}

func FuzzRead(f *testing.F) {
	for _, data := range hostile.Seeds(hostile.Motion, ".json") { // crafted files (core/hostile)
		f.Add(data)
	}
	f.Add([]byte(sample))
	// The real sample's first frames, cut at a frame's end and mid-number.
	if real, err := os.ReadFile("testdata/move_motion_data.json"); err == nil {
		f.Add(real[:min(len(real), 8000)])
		if i := bytes.Index(real[3000:], []byte(`]}},{"timestamp"`)); i >= 0 {
			f.Add(append(append([]byte(nil), real[:3000+i+3]...), "]}"...))
		}
	}
	f.Add([]byte(`{"mocap_data":[{"timestamp":0,"joint_data":{"Root":{"position":[0,0,1],"reaction_forces":[1,2,3]}}},{"timestamp":1e-9,"joint_data":{}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read(bytes.NewReader(data), "fuzz")
		if err == nil {
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzReadZip(f *testing.F) {
	for _, data := range hostile.Seeds(hostile.Motion, ".zip") { // crafted files (core/hostile)
		f.Add(data)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("character_1.json")
	w.Write([]byte(sample))
	zw.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadZip(bytes.NewReader(data), int64(len(data)))
		if err == nil {
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
