package roles_test

import (
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// ikFeet rebuilds a rig as IK rigs are made: a root joint above the hips,
// and each foot (with its toes) moved from the shin to that root, standing
// where it stood. It returns the skeleton and each old joint's new index.
func ikFeet(r *rolestest.Rig) (*motion.Skeleton, []int) {
	old := r.Skeleton.Joints
	w := r.Skeleton.RestWorld()
	at := make([]int, len(old))
	s := &motion.Skeleton{Joints: []motion.Joint{{Name: "Root", Parent: -1, Rest: motion.Rest, Kind: motion.Bone}}}
	feet := map[int]bool{r.Roles[roles.LeftFoot]: true, r.Roles[roles.RightFoot]: true}
	for i, j := range old {
		at[i] = len(s.Joints)
		switch {
		case feet[i]:
			j.Parent, j.Rest = 0, w[i].Decompose()
		case j.Parent < 0:
			j.Parent = 0
		default:
			j.Parent = at[j.Parent]
		}
		s.Joints = append(s.Joints, j)
	}
	return s, at
}

// A foot that is not the shin's child but stands at its end (an IK rig's
// foot target under the root, as in the three.js robot) plays the foot's
// role, as Apart: in a T-pose and an A-pose, with names and without. A
// leg still under its hips keeps Apart at -1.
func TestAFootApartFromItsLegIsFound(t *testing.T) {
	for _, style := range []rolestest.Style{rolestest.Mixamo, rolestest.Unnamed} {
		for _, apose := range []bool{false, true} {
			r := rolestest.Build(style, rolestest.Options{APose: apose})
			if h, err := roles.Find(r.Skeleton); err != nil || h.LeftLeg.Apart != -1 || h.RightLeg.Apart != -1 {
				t.Fatalf("%v a-pose %v: feet under the shins are found apart (%v)", style, apose, err)
			}
			s, at := ikFeet(r)
			h, err := roles.Find(s)
			if err != nil {
				t.Fatalf("%v a-pose %v: %v", style, apose, err)
			}
			for _, c := range []struct {
				leg  roles.Leg
				role roles.Role
			}{{h.LeftLeg, roles.LeftFoot}, {h.RightLeg, roles.RightFoot}} {
				want := at[r.Roles[c.role]]
				if c.leg.Foot != -1 || c.leg.Apart != want || h.Of(c.role) != want {
					t.Errorf("%v a-pose %v: %s: Foot %d, Apart %d, Of %d; want -1, %d, %d", style, apose, c.role, c.leg.Foot, c.leg.Apart, h.Of(c.role), want, want)
				}
			}
			if got := h.Of(roles.Hips); got != at[r.Roles[roles.Hips]] {
				t.Errorf("%v a-pose %v: the hips are joint %d, want %d", style, apose, got, at[r.Roles[roles.Hips]])
			}
		}
	}
}
