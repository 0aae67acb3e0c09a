package retarget

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

type character struct {
	name  string
	skel  *motion.Skeleton
	table map[string]int // a VRM humanoid table, or nil
	how   How            // where the roles should come from
}

func characters(t *testing.T) []character {
	move := moveSkeleton(t)
	mixamo := renamed(move, mixamoNames(t))
	ue5, _ := rigs.LoadMap("ue5")
	ueNames := rigs.Move().NamesFor(ue5)
	ue := renamed(move, func(n string) string {
		if to, ok := ueNames[n]; ok {
			return to
		}
		return "helper_" + n[3:]
	})
	// A VRM avatar: names that say nothing, a humanoid table, an A-pose,
	// other bone rolls, and facing −Z as VRM 0.x avatars do.
	vrm := renamed(aPose(rolled(move, boneRolls(move)), "_1:LeftArm", "_1:RightArm"), func(n string) string { return "" })
	for i := range vrm.Joints {
		vrm.Joints[i].Name = fmt.Sprintf("bone_%02d", i)
	}
	vrm.Joints[0].Rest.R = motion.AxisAngle(motion.Vec3{Y: 1}, math.Pi).Mul(vrm.Joints[0].Rest.R)
	return []character{
		{"renamed (Mixamo)", mixamo, nil, ByShape},
		{"90° bone rolls (UE5 names)", rolled(ue, boneRolls(ue)), nil, ByShape},
		{"A-pose", aPose(mixamo, "mixamorig:LeftArm", "mixamorig:RightArm"), nil, ByShape},
		{"longer legs, shorter arms (Rigify names)", longLegs(t), nil, ByShape},
		{"under a Z-up armature in centimetres", inArmature(aPose(mixamo, "mixamorig:LeftArm", "mixamorig:RightArm")), nil, ByShape},
		{"VRM humanoid table, A-pose, rolls, facing -Z", vrm, rigs.Move().Roles(), ByVRM},
	}
}

func TestEveryMatchedBoneFollowsTheMotionsDirection(t *testing.T) {
	for _, ch := range characters(t) {
		for _, kind := range []synth.Kind{synth.Walk, synth.Jump, synth.Wave} {
			t.Run(ch.name+"/"+kind.String(), func(t *testing.T) {
				src := sourceClip(t, kind)
				m := NewMatch(ch.skel, ch.table, src.Actors[0].Skeleton)
				if m.How != ch.how {
					t.Errorf("roles from %q, want %q", m.How, ch.how)
				}
				if miss, _ := m.Missing(ch.skel, src.Actors[0].Skeleton); len(miss) > 0 {
					t.Fatalf("missing %v in %+v", miss, m.Pairs)
				}
				out, err := Clip(src, ch.skel, m)
				if err != nil {
					t.Fatal(err)
				}
				p, err := newPlan(src.Actors[0].Skeleton, ch.skel, m)
				if err != nil {
					t.Fatal(err)
				}
				checkDirections(t, p, src.Actors[0], out.Actors[0])
				checkFeet(t, p, src.Actors[0], out.Actors[0])
			})
		}
	}
}

// checkDirections compares, every fifth frame, each matched bone's world
// direction (to the child it follows) with its motion bone's.
func checkDirections(t *testing.T, p *plan, src, out *motion.Actor) {
	t.Helper()
	back := p.facing.Conj()
	checked, worst := 0, 0.0
	for f := 0; f < src.Frames; f += 5 {
		sp, tp := src.WorldPositions(f, nil), out.WorldPositions(f, nil)
		for tj, s := range p.src {
			if s < 0 {
				continue
			}
			tc, sc := p.primary[tj], -1
			if tc >= 0 {
				sc = p.src[tc]
			} else if a, b := p.target.Children(tj), p.source.Children(s); len(a) == 1 && len(b) == 1 {
				tc, sc = a[0], b[0]
			} else {
				continue // a hand without matched fingers: no direction to follow
			}
			dt := tp[tc].Sub(tp[tj]).Normalize()
			ds := back.Rotate(sp[sc].Sub(sp[s])).Normalize()
			angle := math.Acos(math.Max(-1, math.Min(1, dt.Dot(ds)))) * 180 / math.Pi
			worst = math.Max(worst, angle)
			if angle > 2 {
				t.Fatalf("frame %d: %s points %.2f° away from %s", f, p.target.Joints[tj].Name, angle, p.source.Joints[s].Name)
			}
			checked++
		}
	}
	if checked < 12*(src.Frames/5) {
		t.Errorf("only %d bone directions checked", checked)
	}
	t.Logf("%d bone directions, worst %.4f°", checked, worst)
}

// checkFeet: where the motion's foot is on the floor (within 1 cm of its
// rest height), the character's is within 2 cm of its own.
func checkFeet(t *testing.T, p *plan, src, out *motion.Actor) {
	t.Helper()
	sroles, _ := Roles(p.source, nil)
	sRest, tRest := p.sRestP, p.tRestP
	planted := 0
	for _, role := range []string{"leftFoot", "rightFoot"} {
		s := sroles[role]
		tf := -1
		for tj, ss := range p.src {
			if ss == s {
				tf = tj
			}
		}
		if tf < 0 {
			t.Fatalf("no %s", role)
		}
		for f := range src.Frames {
			sy := src.WorldPositions(f, nil)[s].Y
			if math.Abs(sy-sRest[s].Y) > 0.01 {
				continue
			}
			planted++
			ty := out.WorldPositions(f, nil)[tf].Y
			if d := math.Abs(ty - tRest[tf].Y); d > 0.02 {
				t.Fatalf("frame %d: the motion's %s is on the floor, the character's is %.3f m off it", f, role, d)
			}
		}
	}
	if planted == 0 {
		t.Fatal("the motion never puts a foot on the floor")
	}
}

func TestTheSameSkeletonRenamedMovesExactlyAsTheMotion(t *testing.T) {
	src := sourceClip(t, synth.Walk)
	skel := renamed(moveSkeleton(t), mixamoNames(t))
	out, err := Clip(src, skel, NewMatch(skel, nil, src.Actors[0].Skeleton))
	if err != nil {
		t.Fatal(err)
	}
	for f := range src.Frames() {
		a, b := src.WorldPositions(0, f, nil), out.WorldPositions(0, f, nil)
		for j := range a {
			if skel.Joints[j].Kind != motion.Bone {
				continue
			}
			if d := a[j].Sub(b[j]).Len(); d > 1e-6 {
				t.Fatalf("frame %d: %s is %.2g m from %s", f, skel.Joints[j].Name, d, src.Actors[0].Skeleton.Joints[j].Name)
			}
		}
	}
}

func TestLongerLegsTravelFurther(t *testing.T) {
	src := sourceClip(t, synth.Walk)
	skel := longLegs(t)
	out, err := Clip(src, skel, NewMatch(skel, nil, src.Actors[0].Skeleton))
	if err != nil {
		t.Fatal(err)
	}
	last := src.Frames() - 1
	s := src.WorldPositions(0, last, nil)[1].Z
	c := out.WorldPositions(0, last, nil)[1].Z
	if r := c / s; math.Abs(r-1.25) > 0.01 {
		t.Errorf("the character walks %.2f m where the motion walks %.2f m: ratio %.3f, want the legs' 1.25", c, s, r)
	}
}

func TestUnmatchedBonesKeepTheirRestPose(t *testing.T) {
	src := sourceClip(t, synth.Wave)
	skel := renamed(moveSkeleton(t), mixamoNames(t))
	m := NewMatch(skel, nil, src.Actors[0].Skeleton)
	m.Set("mixamorig:LeftHandIndex1", "", "")
	out, err := Clip(src, skel, m)
	if err != nil {
		t.Fatal(err)
	}
	j := skel.Index("mixamorig:LeftHandIndex1")
	if out.Actors[0].Tracks[j].R != nil || out.Actors[0].Local(j, 40) != skel.Joints[j].Rest {
		t.Error("an unmatched finger moves")
	}
}

func TestACharacterMissingCoreBonesIsRefusedWithTheList(t *testing.T) {
	src := sourceClip(t, synth.Walk)
	skel := renamed(moveSkeleton(t), mixamoNames(t))
	m := NewMatch(skel, nil, src.Actors[0].Skeleton)
	m.Set("mixamorig:LeftForeArm", "", "")
	m.Set("mixamorig:Head", "", "")
	if _, err := Clip(src, skel, m); err != nil {
		t.Errorf("a preview of what is matched: %v", err)
	}
	ch := &Character{Name: "Guy", file: &gltf.Character{Skeleton: skel, Skinned: true}}
	_, err := ch.Retarget(src, m)
	var miss *MissingError
	if !errors.As(err, &miss) || fmt.Sprint(miss.Roles) != "[head leftLowerArm]" {
		t.Fatalf("got %v", err)
	}
}

func TestTheTestCharactersStandWhereMoveOneStands(t *testing.T) {
	move := moveSkeleton(t)
	want := move.RestWorld()
	for name, s := range map[string]*motion.Skeleton{
		"rolled":      rolled(move, boneRolls(move)),
		"in armature": inArmature(move),
	} {
		got := s.RestWorld()
		off := len(got) - len(want)
		for j := range want {
			if d := got[j+off].Translation().Sub(want[j].Translation()).Len(); d > 1e-9 {
				t.Errorf("%s: joint %d is %.3g m from Move One's", name, j, d)
			}
		}
	}
}
