package clean

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/retarget"
	"singlecam/core/motion/roles"
)

// dccCleaned is one capture, as it came and as cleaned, for .ci/dcc_check.py
// to import into Blender and measure there: foot skate over the contacts
// clean-up found, and the lowest foot, by the same definitions as Numbers.
type dccCleaned struct {
	Source    string  `json:"source"`
	CleanFile string  `json:"clean"`
	Format    string  `json:"format"`
	FPS       float64 `json:"fps"`
	Frames    int     `json:"frames"`
	// MetresPerUnit turns the file's lengths into metres.
	MetresPerUnit float64 `json:"metres_per_unit"`
	// Feet name each foot's heel (ankle) and ball (toe) bones, left first.
	Feet [2][2]string `json:"feet"`
	// Contacts lists each foot's planted frames as [start, end) ranges,
	// counted from the first frame.
	Contacts [2][][2]int `json:"contacts"`
	// Skate and Lowest are what clean-up measured itself (cm/s, cm),
	// before and after, for Blender's numbers to be compared with.
	Skate  [2]float64 `json:"skate"`
	Lowest [2]float64 `json:"lowest"`
	// Planted is how far planted feet stand from the floor, lowest and
	// highest (cm), before and after.
	Planted [2][2]float64 `json:"planted"`
}

// TestWriteDCCCleaned writes real captures (CMU's, and CMU's with jitter and
// drifting feet, as BVH; Move's MOTION_DATA sample as GLB) before and after
// clean-up into the folder named by SINGLECAM_DCC_OUT, with cleaned.json:
// `make dcc-check` measures them in Blender. Move's sample carries its
// contacts (from its ground reaction forces) as its reader gives them.
func TestWriteDCCCleaned(t *testing.T) {
	dir := os.Getenv("SINGLECAM_DCC_OUT")
	if dir == "" {
		t.Skip("SINGLECAM_DCC_OUT is not set: make dcc-check sets it")
	}
	c := cmu(t)
	moved := withDrift(withJitter(c, 0.015, 3), 0.08)
	m := move(t)
	var out []dccCleaned
	for _, tc := range []struct {
		stem   string
		in     capture
		format string
	}{{"cmu_01_01", c, "bvh"}, {"cmu_01_01 jitter drift", moved, "bvh"}, {"move_motion_data", m, "glb"}} {
		res, err := Clean(t.Context(), tc.in.clip, []*Body{tc.in.body}, Default)
		if err != nil {
			t.Fatal(err)
		}
		rep := res.Actors[0]
		e := dccCleaned{
			Source: tc.stem + "." + tc.format, CleanFile: tc.stem + " - clean." + tc.format, Format: tc.format,
			FPS: tc.in.clip.FPS, Frames: tc.in.clip.Frames(), MetresPerUnit: tc.in.body.MetresPerUnit,
			Skate: [2]float64{rep.Before.Skate, rep.After.Skate}, Lowest: [2]float64{rep.Before.Lowest, rep.After.Lowest},
			Planted: [2][2]float64{{rep.Before.PlantedLow, rep.Before.PlantedHigh}, {rep.After.PlantedLow, rep.After.PlantedHigh}},
		}
		s := tc.in.clip.Actors[0].Skeleton
		for i, l := range tc.in.body.Legs() {
			e.Feet[i] = [2]string{s.Joints[l.Ankle].Name, s.Joints[l.Toe].Name}
		}
		e.Contacts = [2][][2]int{runs(rep.Contacts.Left), runs(rep.Contacts.Right)}
		for _, f := range []struct {
			name string
			clip *motion.Clip
		}{{e.Source, tc.in.clip}, {e.CleanFile, res.Clip}} {
			var b bytes.Buffer
			if tc.format == "bvh" {
				err = bvh.Write(&b, f.clip, 0, bvh.Options{})
			} else {
				err = gltf.Write(&b, f.clip)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f.name), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, e)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cleaned.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	writeDCCCleanedCharacter(t, dir)
}

// writeDCCCleanedCharacter writes CesiumMan cleaned as `singlecam clean`
// writes a character (the whole character, its one animation cleaned) with
// cleaned-characters.json, in the form of the retargeted characters'
// listing: dcc-check checks its mesh is bound and moves, stands on the floor
// on every frame of its walk (-5 to +10 cm) and keeps its head up.
func writeDCCCleanedCharacter(t *testing.T, dir string) {
	z := openGz(t, "CesiumMan.gltf.gz")
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := gltf.ReadCharacter(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cesium(t)
	// Stood on its mesh's soles, as `singlecam clean` stands a character
	// (figure.Of), not on its joints.
	path := filepath.Join(t.TempDir(), "CesiumMan.gltf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	opened, err := retarget.OpenCharacter(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	c.body.Soles = c.body.SolesOf(opened.Skeleton(), opened.Contacts())
	if len(c.body.Soles[0]) == 0 || len(c.body.Soles[1]) == 0 {
		t.Fatal("CesiumMan's soles are not found")
	}
	res, err := Clean(t.Context(), c.clip, []*Body{c.body}, Default)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ch.WriteWithAnimation(&b, res.Clip, true); err != nil {
		t.Fatal(err)
	}
	const file = "CesiumMan - clean.glb"
	if err := os.WriteFile(filepath.Join(dir, file), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := roles.Find(ch.Skeleton)
	if err != nil {
		t.Fatal(err)
	}
	// Blender names a joint without a name after its node: Node_7.
	bone := func(r roles.Role) string {
		j := h.Of(r)
		if n := ch.Skeleton.Joints[j].Name; n != "" {
			return n
		}
		return fmt.Sprintf("Node_%d", ch.Nodes[j])
	}
	listing := []map[string]any{{
		"file": file, "fps": c.clip.FPS, "frames": c.clip.Frames(), "bones": -1, "mesh": "",
		"hips": bone(roles.Hips), "head": bone(roles.Head), "hand": bone(roles.RightHand),
		"feet": []string{bone(roles.LeftFoot), bone(roles.RightFoot)}, "walk": true,
	}}
	js, err := json.MarshalIndent(listing, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cleaned-characters.json"), js, 0o644); err != nil {
		t.Fatal(err)
	}
}
