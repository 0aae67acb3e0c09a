package movedata

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"singlecam/core/motion"
)

// rawSample is the testdata sample as plain JSON, for comparing with what
// Read made of it.
type rawSample struct {
	MocapData []struct {
		JointData map[string]struct {
			Position       []float64 `json:"position"`
			ReactionForces float64   `json:"reaction_forces"`
		} `json:"joint_data"`
	} `json:"mocap_data"`
}

func readSample(t *testing.T) (*motion.Clip, rawSample) {
	t.Helper()
	f, err := os.Open("testdata/move_motion_data.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := Read(f, "move_motion_data")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/move_motion_data.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw rawSample
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return c, raw
}

func TestMovesSampleMovesByRotationsThroughItsJoints(t *testing.T) {
	c, raw := readSample(t)
	if c.FPS != 60 || c.Frames() != 289 || len(c.Actors) != 1 || len(c.Actors[0].Skeleton.Joints) != 18 {
		t.Fatalf("%g fps, %d frames, %d actors", c.FPS, c.Frames(), len(c.Actors))
	}
	a := c.Actors[0]
	s := a.Skeleton
	for j, joint := range s.Joints {
		if (joint.Parent < 0) != (joint.Name == "Root") {
			t.Errorf("joint %s has parent %d", joint.Name, joint.Parent)
		}
		if joint.Parent >= 0 && a.Tracks[j].T != nil {
			t.Errorf("joint %s is translated: only the root should be", joint.Name)
		}
	}
	// Every joint lands within 5 cm of where the file puts it, 1 cm on
	// average: bone lengths are fixed at their average and the pelvis and
	// chest are rigid, where the file's vary by a few millimetres.
	worst, sum, n := 0.0, 0.0, 0
	for f, fr := range raw.MocapData {
		p := a.WorldPositions(f, nil)
		for name, jd := range fr.JointData {
			want := motion.Vec3{X: jd.Position[0], Y: jd.Position[2], Z: -jd.Position[1]}
			e := p[s.Index(name)].Sub(want).Len()
			worst, sum, n = math.Max(worst, e), sum+e, n+1
		}
	}
	if worst > 0.05 || sum/float64(n) > 0.01 {
		t.Errorf("a joint is up to %.3f m (on average %.3f m) from the file's position", worst, sum/float64(n))
	}
	// The rest pose stands upright: neck above the pelvis, feet below,
	// left arm out towards +X, as tall as a person up to the neck.
	rest := s.RestWorld()
	at := func(n string) motion.Vec3 { return rest[s.Index(n)].Translation() }
	if h := at("Neck").Y - math.Min(at("Left_toe").Y, at("Left_ankle").Y); h < 1.2 || h > 1.8 {
		t.Errorf("toes to neck %.2f m at rest", h)
	}
	if d := at("Left_wrist").Sub(at("Left_shoulder_rotation")); d.X < 0.4 || math.Abs(d.Y) > 0.01 {
		t.Errorf("the left arm at rest points %v", d)
	}
}

func TestMovesSampleFootContactsFollowItsReactionForces(t *testing.T) {
	c, raw := readSample(t)
	fc := c.Actors[0].Contacts
	if fc == nil {
		t.Fatal("no contacts")
	}
	planted := [2]int{}
	for f, fr := range raw.MocapData {
		left := fr.JointData["Left_toe"].ReactionForces > contactForce || fr.JointData["Left_ankle"].ReactionForces > contactForce
		right := fr.JointData["Right_toe"].ReactionForces > contactForce || fr.JointData["Right_ankle"].ReactionForces > contactForce
		if fc.Left[f] != left || fc.Right[f] != right {
			t.Fatalf("frame %d: contacts %v %v, forces say %v %v", f, fc.Left[f], fc.Right[f], left, right)
		}
		if left {
			planted[0]++
		}
		if right {
			planted[1]++
		}
	}
	// A walk: each foot is down for a good part of the clip, not always.
	for side, n := range planted {
		if n < 100 || n > 250 {
			t.Errorf("foot %d planted on %d of 289 frames", side, n)
		}
	}
}
