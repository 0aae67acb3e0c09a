package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// CMU's capture (loadtest's corpus: subject 1, trial 1, in its BVH
// conversion's names) is read in CMU's own unit, 0.056444 m, as the README
// advises, not stretched to 1.70 m; the note says which unit and why.
func TestACMUCaptureIsReadInCMUsUnit(t *testing.T) {
	m, err := Open(t.Context(), corpus(t, "cmu_01_01_240.bvh"), -1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Space.MetresPerUnit != CMUUnit || !m.Space.UnitsFound || m.Space.Height < 1.4 || m.Space.Height > 2.1 {
		t.Errorf("read as %s, %.2f m tall", m.Space.Describe(), m.Space.Height)
	}
	if !strings.Contains(strings.Join(m.Notes, "\n"), "lengths taken as CMU's unit (0.056444 m): the skeleton is named as CMU's captures are") {
		t.Errorf("notes: %q", m.Notes)
	}
	if d := m.Space.Describe(); d != "Y up, CMU's unit (0.056444 m)" {
		t.Errorf("described as %q", d)
	}
}

// Only a skeleton named as CMU's, of a person's size in CMU's unit, is
// read in it; any other figure in no usual unit is made 1.70 m tall.
func TestCMUsUnitNeedsCMUsNamesAndAPersonsSize(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		style  rolestest.Style
		height float64 // metres, in CMU's unit
		cmu    bool
	}{
		{rolestest.ASF, 1.6, true},
		{rolestest.CGSpeed, 1.8, true},
		{rolestest.Plain, 1.6, false},   // no CMU names
		{rolestest.Mixamo, 1.6, false},  // no CMU names
		{rolestest.ASF, 0.9, false},     // a child's size in CMU's unit: not believed
		{rolestest.CGSpeed, 2.2, false}, // a giant's
	} {
		r := rolestest.Build(c.style, rolestest.Options{})
		h, err := roles.Find(r.Skeleton)
		if err != nil {
			t.Fatal(err)
		}
		clip := &motion.Clip{Name: "rest", FPS: 30, MetresPerUnit: 1,
			Actors: []*motion.Actor{{Skeleton: r.Skeleton, Frames: 1, Tracks: make([]motion.Track, len(r.Skeleton.Joints))}}}
		if clip, err = fix.Scale(clip, c.height/h.Height/CMUUnit); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := bvh.Write(&b, fix.ZeroRestRotations(clip), 0, bvh.Options{}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "rig.bvh")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := Open(t.Context(), p, -1)
		if err != nil {
			t.Fatal(err)
		}
		notes := strings.Join(m.Notes, "\n")
		if c.cmu && (m.Space.MetresPerUnit != CMUUnit || !strings.Contains(notes, "CMU's unit")) {
			t.Errorf("%s at %.1f m: read as %s (%q)", c.style, c.height, m.Space.Describe(), notes)
		}
		if !c.cmu && (m.Space.MetresPerUnit == CMUUnit || m.Space.Height < 1.69 || m.Space.Height > 1.71 ||
			!strings.Contains(notes, "fit no usual one, so the figure was made 1.70 m tall")) {
			t.Errorf("%s at %.1f m: read as %s, %.2f m (%q)", c.style, c.height, m.Space.Describe(), m.Space.Height, notes)
		}
	}
}
