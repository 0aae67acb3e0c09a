package retarget

import (
	"bytes"
	"context"
	"math"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/synth"
)

// The three.js robot's nodes stand in a pose its mesh was not bound in (its
// head node is turned 175° from its face): the character's rest is the bind
// pose, as Blender's importer takes it. The expected rotations were worked
// out apart from this code, from the file's inverse bind matrices with numpy
// (inverse(bind(parent)) · bind(joint), rotation part).
func TestACharacterRestsInItsBindPose(t *testing.T) {
	robot, err := OpenCharacter(context.Background(), "../roles/testdata/RobotExpressive.glb")
	if err != nil {
		t.Fatal(err)
	}
	sk := robot.Skeleton()
	for _, c := range []struct {
		joint string
		want  motion.Quat
	}{
		{"Head", motion.Quat{X: -0.0021, Y: 0, Z: 0.0014, W: 1}},
		{"LowerArmL", motion.Quat{X: 0.0119, Y: 0.0337, Z: 0.0476, W: 0.9982}},
	} {
		j := sk.Index(c.joint)
		if j < 0 {
			t.Fatalf("no joint %s", c.joint)
		}
		got := sk.Joints[j].Rest.R
		if deg := got.Angle(c.want.Normalize()) * 180 / math.Pi; deg > 0.5 {
			t.Errorf("%s rests %.1f° from its bind pose (rest %+v)", c.joint, deg, got)
		}
	}
}

// A joint the motion leaves still is written at the bind pose it was
// retargeted from, not left to play its node's transform: the robot's
// fingers' nodes are curled 40–80° from it.
func TestStillJointsAreWrittenAtTheirBindPose(t *testing.T) {
	robot, err := OpenCharacter(context.Background(), "../roles/testdata/RobotExpressive.glb")
	if err != nil {
		t.Fatal(err)
	}
	clip := sourceClip(t, synth.Walk)
	moved, err := robot.Retarget(clip, robot.Match(clip.Actors[0].Skeleton))
	if err != nil {
		t.Fatal(err)
	}
	j := robot.Skeleton().Index("Middle1L")
	if moved.Actors[0].Tracks[j].R != nil {
		t.Fatal("the walk moves Middle1L; pick a joint it leaves still")
	}
	var buf bytes.Buffer
	if err := robot.Encode(&buf, moved, true); err != nil {
		t.Fatal(err)
	}
	back, err := gltf.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), gltf.Options{Animation: 0})
	if err != nil {
		t.Fatal(err)
	}
	a := back.Clip.Actors[0]
	k := a.Skeleton.Index("Middle1L")
	want := robot.Skeleton().Joints[j].Rest.R
	for _, f := range []int{0, a.Frames - 1} {
		if deg := a.Local(k, f).R.Angle(want) * 180 / math.Pi; deg > 0.1 {
			t.Errorf("frame %d: Middle1L plays %.1f° from its bind pose", f, deg)
		}
	}
}
