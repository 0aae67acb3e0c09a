package export

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// dccExport is one exported file and what Blender should find in it; the
// fields beyond the simulator's samples' are read by .ci/dcc_check.py.
type dccExport struct {
	File   string  `json:"file"`
	Format string  `json:"format"`
	FPS    float64 `json:"fps"`
	Frames int     `json:"frames"`
	Bones  int     `json:"bones"`
	// Names are every bone's name, as Blender should show them.
	Names []string `json:"names"`
	// Head, Hips and Toes name the bones the upright check measures.
	Head string   `json:"head"`
	Hips string   `json:"hips"`
	Toes []string `json:"toes"`
	// MetresPerUnit is the unit the file promises (BVH is imported unscaled).
	MetresPerUnit float64 `json:"metres_per_unit,omitempty"`
	// Up is the file's up axis, "y" or "z", for the BVH importer.
	Up      string `json:"up"`
	InPlace bool   `json:"in_place"`
	// Floor, when false, skips the check that a toe is near the floor (a
	// capture may jump on the frames checked).
	Floor *bool `json:"floor,omitempty"`
}

// TestWriteDCCExports writes every preset's export of the simulator's walk
// (and in-place and Z-up variants) into the folder named by
// SINGLECAM_DCC_OUT, with exports.json: `make dcc-check` imports them into
// Blender.
func TestWriteDCCExports(t *testing.T) {
	dir := os.Getenv("SINGLECAM_DCC_OUT")
	if dir == "" {
		t.Skip("SINGLECAM_DCC_OUT is not set: make dcc-check sets it")
	}
	src, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 60, Seconds: 2, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	type variant struct {
		preset string
		change func(*Settings)
		label  string
	}
	var variants []variant
	for _, p := range PresetNames() {
		variants = append(variants, variant{p, func(*Settings) {}, p})
	}
	variants = append(variants,
		variant{"blender", func(s *Settings) { s.InPlace = true }, "blender in place"},
		variant{"mixamo", func(s *Settings) { s.InPlace = true }, "mixamo in place"},
		variant{"custom", func(s *Settings) {
			*s = Settings{Names: "plain", DropTPose: true, Up: "z", Units: "cm", FPS: 25, InPlace: true, Format: BVH}
		}, "custom z up"},
	)
	var out []dccExport
	for _, v := range variants {
		p, err := Lookup(v.preset)
		if err != nil {
			t.Fatal(err)
		}
		s := p.Settings
		v.change(&s)
		files, err := Plan(context.Background(), []Source{{Clip: src, Format: GLB, Dir: dir, Base: "walk"}}, v.label, s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Write(context.Background(), files); err != nil {
			t.Fatal(err)
		}
		f := files[0]
		a := f.Clip.Actors[0]
		e := dccExport{File: filepath.Base(f.Path), Format: string(f.Format), FPS: f.Clip.FPS, Frames: f.Clip.Frames(),
			MetresPerUnit: f.Clip.MetresPerUnit, Up: s.Up, InPlace: s.InPlace}
		if e.Up == "" {
			e.Up = "y"
		}
		for _, j := range a.Skeleton.Joints {
			// Blender makes a bone of every skin joint, and of every BVH
			// joint but the end sites.
			if f.Format == GLB || j.Kind != motion.End {
				e.Names = append(e.Names, j.Name)
			}
		}
		e.Bones = len(e.Names)
		roles := rigs.Move().Roles()
		name := func(role string) string { return a.Skeleton.Joints[roles[role]].Name }
		e.Head, e.Hips, e.Toes = name("head"), name("hips"), []string{name("leftToes"), name("rightToes")}
		out = append(out, e)
	}
	data, _ := json.MarshalIndent(out, "", " ")
	if err := os.WriteFile(filepath.Join(dir, "exports.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
