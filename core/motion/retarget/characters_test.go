package retarget

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// The characters of these tests are built here from Move One's rig, each
// changed in one way a real character differs from it.

func moveSkeleton(t testing.TB) *motion.Skeleton {
	t.Helper()
	s, err := rigs.Move().Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func deg(d float64) float64 { return d * math.Pi / 180 }

// renamed gives every joint the name names returns for it.
func renamed(s *motion.Skeleton, names func(string) string) *motion.Skeleton {
	out := &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
	for i := range out.Joints {
		out.Joints[i].Name = names(out.Joints[i].Name)
	}
	return out
}

// mixamoNames renames Move One's bones as Mixamo's rig names them.
func mixamoNames(t testing.TB) func(string) string {
	m, err := rigs.LoadMap("mixamo")
	if err != nil {
		t.Fatal(err)
	}
	names := rigs.Move().NamesFor(m)
	return func(n string) string {
		if to, ok := names[n]; ok {
			return to
		}
		return "mixamorig:" + strings.TrimPrefix(n, "_1:")
	}
}

// rolled gives each joint extra local axes (turning joint j's frame by
// turn(j)) while keeping every joint where it was: the same skeleton as a
// tool with another bone-roll convention exports it.
func rolled(s *motion.Skeleton, turn func(j int) motion.Quat) *motion.Skeleton {
	out := &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
	x := make([]motion.Quat, len(s.Joints))
	for j := range x {
		x[j] = turn(j)
	}
	for j, joint := range out.Joints {
		px := motion.Identity
		if joint.Parent >= 0 {
			px = x[joint.Parent]
		}
		out.Joints[j].Rest.R = px.Conj().Mul(joint.Rest.R).Mul(x[j]).Normalize()
		out.Joints[j].Rest.T = px.Conj().Rotate(joint.Rest.T)
	}
	return out
}

// boneRolls turns every joint 90° about its bone (towards its first child),
// and joints without a child 90° about X.
func boneRolls(s *motion.Skeleton) func(int) motion.Quat {
	w := s.RestWorld()
	return func(j int) motion.Quat {
		axis := motion.Vec3{X: 1}
		if c := s.Children(j); len(c) > 0 {
			if d := w[c[0]].Translation().Sub(w[j].Translation()); d.Len() > 1e-9 {
				axis = d
			}
		}
		return motion.AxisAngle(axis, deg(90))
	}
}

// aPose lowers both upper arms 45° in the rest pose.
func aPose(s *motion.Skeleton, left, right string) *motion.Skeleton {
	out := &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
	l, r := out.Index(left), out.Index(right)
	out.Joints[l].Rest.R = motion.AxisAngle(motion.Vec3{Z: 1}, deg(-45)).Mul(out.Joints[l].Rest.R)
	out.Joints[r].Rest.R = motion.AxisAngle(motion.Vec3{Z: 1}, deg(45)).Mul(out.Joints[r].Rest.R)
	return out
}

// rigifyNames are names only normalising matches: Rigify's deform bones.
var rigifyNames = map[string]string{
	"Root": "root", "Hips": "DEF-pelvis", "Spine": "DEF-spine", "Spine1": "DEF-chest", "Neck": "DEF-neck", "Head": "DEF-head",
	"LeftShoulder": "DEF-shoulder.L", "LeftArm": "DEF-upper_arm.L", "LeftForeArm": "DEF-forearm.L", "LeftHand": "DEF-hand.L",
	"RightShoulder": "DEF-shoulder.R", "RightArm": "DEF-upper_arm.R", "RightForeArm": "DEF-forearm.R", "RightHand": "DEF-hand.R",
	"LeftUpLeg": "DEF-thigh.L", "LeftLeg": "DEF-shin.L", "LeftFoot": "DEF-foot.L", "LeftToeBase": "DEF-toe.L",
	"RightUpLeg": "DEF-thigh.R", "RightLeg": "DEF-shin.R", "RightFoot": "DEF-foot.R", "RightToeBase": "DEF-toe.R",
}

// longLegs has legs 25% longer, arms 20% shorter and a spine 10% longer,
// standing on the same floor, with Rigify's names (fingers unnamed).
func longLegs(t testing.TB) *motion.Skeleton {
	s := moveSkeleton(t)
	out := &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
	under := func(j int, name string) bool {
		for k := j; k >= 0; k = out.Joints[k].Parent {
			if strings.TrimPrefix(s.Joints[k].Name, "_1:") == name {
				return true
			}
		}
		return false
	}
	for j := range out.Joints {
		k := 1.0
		switch {
		case under(j, "LeftUpLeg") || under(j, "RightUpLeg"):
			k = 1.25
		case under(j, "LeftArm") || under(j, "RightArm"):
			k = 0.8
		case under(j, "Spine"):
			k = 1.1
		}
		out.Joints[j].Rest.T = out.Joints[j].Rest.T.Scale(k)
	}
	// The hips rise by what the legs grew, so the feet stay on the floor.
	hips := out.Index("_1:Hips")
	out.Joints[hips].Rest.T.Y += 0.25 * (0.05 + 0.42 + 0.4)
	for j := range out.Joints {
		if n, ok := rigifyNames[strings.TrimPrefix(s.Joints[j].Name, "_1:")]; ok {
			out.Joints[j].Name = n
		} else {
			out.Joints[j].Name = fmt.Sprintf("ORG-extra.%03d", j)
		}
	}
	return out
}

func sourceClip(t *testing.T, kind synth.Kind) *motion.Clip {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: kind, FPS: 30, Seconds: 3, Name: kind.String()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// inArmature puts the skeleton under an armature node as Blender exports an
// FBX character: the armature turned to Z up and scaled to centimetres, the
// bones' offsets in centimetres, every joint where it was in the world.
func inArmature(s *motion.Skeleton) *motion.Skeleton {
	turn := motion.AxisAngle(motion.Vec3{X: 1}, deg(90))
	arm := motion.Joint{Name: "Armature", Parent: -1, Rest: motion.Transform{R: turn, S: motion.Vec3{X: 0.01, Y: 0.01, Z: 0.01}}, Kind: motion.Node}
	out := &motion.Skeleton{Joints: []motion.Joint{arm}}
	for _, j := range s.Joints {
		j.Rest.T = j.Rest.T.Scale(100)
		if j.Parent < 0 {
			j.Rest.T = turn.Conj().Rotate(j.Rest.T)
			j.Rest.R = turn.Conj().Mul(j.Rest.R)
		}
		j.Parent++ // the armature comes first; a root's -1 becomes it
		out.Joints = append(out.Joints, j)
	}
	return out
}
