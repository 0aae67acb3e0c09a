package rigs

import (
	"slices"
	"strings"
	"testing"
)

func TestMoveRig(t *testing.T) {
	r := Move()
	s, err := r.Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	// What Move One's files hold: a root above the hips, a neck, thumbs with
	// two joints and other fingers with one, helper bones.
	for _, name := range []string{"_1:Root", "_1:Hips", "_1:Neck", "_1:LeftHandThumb2", "_1:RightHandIndex1", "_1:heel.02.L", "_1:palm.02.R", "_1:Head_end"} {
		if s.Index(name) < 0 {
			t.Errorf("no %s", name)
		}
	}
	if s.Index("_1:LeftHandIndex2") >= 0 {
		t.Error("a second index joint, which Move One's files lack")
	}
	if s.Joints[s.Index("_1:Hips")].Parent != s.Index("_1:Root") {
		t.Error("hips not under root")
	}
	for _, j := range s.Joints {
		if !strings.HasPrefix(j.Name, "_1:") {
			t.Errorf("%s lacks the _1: prefix", j.Name)
		}
	}
	// An adult, in metres, Y up, standing on y = 0.
	w := s.RestWorld()
	head := w[s.Index("_1:Head_end")].Translation()
	toe := w[s.Index("_1:LeftToeBase")].Translation()
	if head.Y < 1.6 || head.Y > 1.9 || toe.Y < 0 || toe.Y > 0.05 {
		t.Errorf("head top %v, toe %v", head, toe)
	}
	hands := w[s.Index("_1:LeftHand")].Translation().Sub(w[s.Index("_1:RightHand")].Translation())
	if hands.X < 1.2 || hands.Y != 0 {
		t.Errorf("hands %v apart: not a T-pose", hands)
	}
	roles := r.Roles()
	for _, role := range []string{"hips", "spine", "head", "leftUpperArm", "rightLowerArm", "leftUpperLeg", "rightFoot"} {
		if _, ok := roles[role]; !ok {
			t.Errorf("no joint plays %s", role)
		}
	}
}

func TestLoadRefusesUnknownRigs(t *testing.T) {
	if !slices.Contains(Names(), "move") {
		t.Errorf("names %v", Names())
	}
	if _, err := Load("nope"); err == nil || !strings.Contains(err.Error(), "move") {
		t.Errorf("got %v", err)
	}
}
