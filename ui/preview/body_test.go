package preview

import (
	"context"
	"testing"

	"singlecam/core/motion/load"
)

// The three.js robot's IK root and pole targets are not drawn (they made
// sticks from the floor to its hips and feet), and its feet, which hang
// from that root, are drawn from its knees.
func TestTheRobotIsDrawnAsItsBody(t *testing.T) {
	m, err := load.Open(context.Background(), "../../core/motion/roles/testdata/RobotExpressive.glb", -1)
	if err != nil {
		t.Fatal(err)
	}
	sk := m.Clip.Actors[0].Skeleton
	s := newScene(m.Clip)
	f := s.figs[0]
	for _, name := range []string{"Bone", "PoleTargetL", "PoleTargetR"} {
		if j := sk.Index(name); j < 0 || !f.Hidden[j] {
			t.Errorf("%s is drawn (joint %d)", name, j)
		}
	}
	for foot, knee := range map[string]string{"FootL": "LowerLegL", "FootR": "LowerLegR"} {
		j := sk.Index(foot)
		if j < 0 || f.Hidden[j] || f.Parents[j] != sk.Index(knee) {
			t.Errorf("%s: hidden %v, drawn from joint %d, want %s", foot, j >= 0 && f.Hidden[j], f.Parents[j], knee)
		}
	}
	for _, name := range []string{"Body", "Head", "LowerArmL", "UpperLegR"} {
		if j := sk.Index(name); j < 0 || f.Hidden[j] {
			t.Errorf("%s is hidden", name)
		}
	}
}
