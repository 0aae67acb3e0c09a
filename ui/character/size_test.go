package character

import (
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/roles/rolestest"
)

// scaled is rig r with every joint's rest offset times k.
func scaled(s *motion.Skeleton, k float64) *motion.Skeleton {
	out := &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
	for i := range out.Joints {
		out.Joints[i].Rest.T = out.Joints[i].Rest.T.Scale(k)
	}
	return out
}

// A character much bigger or smaller than the motion's figure is said to
// be so, by how much (the hips' heights' ratio: 1.75 m rigs scaled); one
// about the same size says nothing, and one 100 times too tall (a
// centimetre file read as metres) points at its unit.
func TestASizeNoteSaysHowMuchBiggerTheCharacterIs(t *testing.T) {
	s := rolestest.Build(rolestest.Mixamo, rolestest.Options{}).Skeleton
	for _, c := range []struct {
		k    float64
		want string
	}{
		{1.1, ""},
		{2, "Your character is 2.0 times the size of the motion's figure"},
		{0.5, "Your character is 2.0 times smaller than the motion's figure"},
		{100, "check the unit it was exported in"},
	} {
		got := sizeNote(s, scaled(s, c.k))
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("×%g: %q, want %q", c.k, got, c.want)
		}
	}
}
