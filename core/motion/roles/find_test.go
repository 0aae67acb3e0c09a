package roles_test

import (
	"fmt"
	"math"
	"sort"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// check compares what Find says of a rig with what the rig is.
func check(t *testing.T, r *rolestest.Rig) *roles.Humanoid {
	t.Helper()
	h, err := roles.Find(r.Skeleton)
	if err != nil {
		t.Fatal(err)
	}
	name := func(j int) string {
		if j < 0 {
			return "none"
		}
		return fmt.Sprintf("%d %q", j, r.Skeleton.Joints[j].Name)
	}
	for _, role := range roles.All {
		want, ok := r.Roles[role]
		if !ok {
			want = -1
		}
		if got := h.Of(role); got != want {
			t.Errorf("%s is joint %s, want %s", role, name(got), name(want))
		}
	}
	near := func(what string, got, want motion.Vec3) {
		if got.Sub(want).Len() > 0.05 {
			t.Errorf("%s is %v, want %v", what, got, want)
		}
	}
	near("up", h.Up, r.Up)
	near("forward", h.Forward, r.Forward)
	near("left", h.Left, r.Up.Cross(r.Forward))
	if math.Abs(h.Height-r.Height) > 0.03*r.Height {
		t.Errorf("height is %.3f, want %.3f", h.Height, r.Height)
	}
	if h.Spine[0] != h.Of(roles.Hips) || h.Spine[len(h.Spine)-1] != h.Of(roles.Head) {
		t.Errorf("the spine chain %v does not run from the hips to the head", h.Spine)
	}
	return h
}

func TestRolesAreFoundInEveryStyleAndShape(t *testing.T) {
	shapes := []struct {
		name string
		opt  rolestest.Options
	}{
		{"T-pose", rolestest.Options{}},
		{"A-pose", rolestest.Options{APose: true}},
		{"armature rotated and in cm", rolestest.Options{Armature: true}},
		{"Z up", rolestest.Options{ZUp: true}},
		{"bone rolls, fingers", rolestest.Options{Rolls: true, Fingers: true}},
		{"3-bone spine", rolestest.Options{Spine: 3}},
		{"4-bone spine, A-pose, armature", rolestest.Options{Spine: 4, APose: true, Armature: true, Fingers: true}},
		{"1-bone spine", rolestest.Options{Spine: 1}},
	}
	for _, style := range rolestest.Styles {
		for _, shape := range shapes {
			t.Run(string(style)+"/"+shape.name, func(t *testing.T) {
				r := rolestest.Build(style, shape.opt)
				h := check(t, r)
				if style == rolestest.Unnamed && h.Sides != "toes" {
					t.Errorf("sides were told by %s, want toes", h.Sides)
				}
			})
		}
	}
}

func TestMoveOnesRigPlaysItsOwnRoles(t *testing.T) {
	rig := rigs.Move()
	s, err := rig.Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	h, err := roles.Find(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range roles.All {
		want := -1
		for i, j := range rig.Joints {
			if j.Role == string(role) {
				want = i
			}
		}
		if got := h.Of(role); got != want {
			t.Errorf("%s is joint %d, want %d", role, got, want)
		}
	}
	if h.Sides != "toes" || h.Forward.Sub(motion.Vec3{Z: 1}).Len() > 1e-6 {
		t.Errorf("facing %v by %s, want +Z by the toes", h.Forward, h.Sides)
	}
}

func TestNamesTellTheSidesOnlyWhenTheFeetCannot(t *testing.T) {
	// Without toes nor end joints below the ankles, the feet say nothing of
	// the facing: the names do.
	r := rolestest.Build(rolestest.Mixamo, rolestest.Options{})
	s := r.Skeleton
	var keep []motion.Joint
	old := map[int]int{}
	for i, j := range s.Joints {
		if i == r.Roles[roles.LeftToes] || i == r.Roles[roles.RightToes] || (j.Parent >= 0 && (j.Parent == r.Roles[roles.LeftToes] || j.Parent == r.Roles[roles.RightToes])) {
			continue
		}
		old[i] = len(keep)
		if j.Parent >= 0 {
			j.Parent = old[j.Parent]
		}
		keep = append(keep, j)
	}
	// Turn the figure to face −Z: the names must still put its left on its left.
	turn := motion.AxisAngle(motion.Vec3{Y: 1}, math.Pi)
	keep[0].Rest.R = turn
	keep[0].Rest.T = turn.Rotate(keep[0].Rest.T)
	h, err := roles.Find(&motion.Skeleton{Joints: keep})
	if err != nil {
		t.Fatal(err)
	}
	if h.Sides != "names" {
		t.Fatalf("sides told by %s, want names", h.Sides)
	}
	if got, want := h.Of(roles.LeftUpperLeg), old[r.Roles[roles.LeftUpperLeg]]; got != want {
		t.Errorf("left thigh is %d, want %d", got, want)
	}
	if h.Forward.Sub(motion.Vec3{Z: -1}).Len() > 0.05 {
		t.Errorf("facing %v, want −Z", h.Forward)
	}
	if h.Of(roles.LeftToes) != -1 || h.LeftLeg.Toes != -1 {
		t.Errorf("toes found where there are none")
	}
}

func TestNotAHumanoidIsRefused(t *testing.T) {
	chain := &motion.Skeleton{}
	for i := range 6 {
		chain.Joints = append(chain.Joints, motion.Joint{Parent: i - 1, Rest: motion.Transform{T: motion.Vec3{Y: 1}, R: motion.Identity, S: motion.Vec3{X: 1, Y: 1, Z: 1}}})
	}
	for name, s := range map[string]*motion.Skeleton{"empty": {}, "a chain": chain, "nil": nil} {
		if _, err := roles.Find(s); err == nil {
			t.Errorf("%s: found a humanoid", name)
		}
	}
}

func TestTitles(t *testing.T) {
	got := map[roles.Role]string{}
	for _, r := range []roles.Role{roles.LeftLowerArm, roles.RightUpperLeg, roles.UpperChest, roles.Hips, roles.LeftShoulder, roles.RightToes} {
		got[r] = r.Title()
	}
	want := map[roles.Role]string{
		roles.LeftLowerArm: "left forearm", roles.RightUpperLeg: "right thigh", roles.UpperChest: "upper chest",
		roles.Hips: "hips", roles.LeftShoulder: "left clavicle", roles.RightToes: "right toes",
	}
	keys := make([]string, 0, len(want))
	for r := range want {
		keys = append(keys, string(r))
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[roles.Role(k)] != want[roles.Role(k)] {
			t.Errorf("%s is titled %q, want %q", k, got[roles.Role(k)], want[roles.Role(k)])
		}
	}
}
