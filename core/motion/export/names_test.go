package export

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"singlecam/core/motion/load"
	"singlecam/core/motion/load/loadtest"
)

// The three.js robot's bones named for Unity: its Body, where its legs and
// spine meet, is the hips, so it becomes Hips and its own Hips (below
// Body, starting the spine) becomes Spine, which a note says; its feet,
// joints of their own under its root, become LeftFoot and RightFoot.
func TestTheRobotIsNamedByItsBodyAndSaysSo(t *testing.T) {
	var path string
	for _, f := range loadtest.Corpus(t) {
		if f.Name == "RobotExpressive.glb" {
			path = filepath.Join(t.TempDir(), f.Name)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	m, err := load.Open(context.Background(), path, -1)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Lookup("unity")
	if err != nil {
		t.Fatal(err)
	}
	out, notes, err := ApplyNotes(m.Clip, p.Settings)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range out.Actors[0].Skeleton.Joints {
		names = append(names, j.Name)
	}
	for _, want := range []string{"Hips", "Spine", "LeftFoot", "RightFoot", "LeftLowerLeg", "LeftHand"} {
		if !slices.Contains(names, want) {
			t.Errorf("no bone %s among %v", want, names)
		}
	}
	for _, gone := range []string{"Body", "FootL", "FootR"} {
		if slices.Contains(names, gone) {
			t.Errorf("%s keeps its name", gone)
		}
	}
	note := strings.Join(notes, "\n")
	if !strings.Contains(note, "Body is now Hips, Hips is now Spine; the hips are where the legs and the spine meet") {
		t.Errorf("the notes do not say why Body became Hips: %q", note)
	}
}
