package fix

import (
	"bytes"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load/loadtest"
)

// TestDropNodesAboveKeepsEveryJointWhereItWas: the Mixamo character's
// Armature node (turned 90°, scaled 0.01) goes; every joint stays where it
// was in the world, on every frame, and the hips are the root.
func TestDropNodesAboveKeepsEveryJointWhereItWas(t *testing.T) {
	var data []byte
	for _, f := range loadtest.Files(t) {
		if f.Name == "mixamo-armature.glb" {
			data = f.Data
		}
	}
	g, err := gltf.Read(bytes.NewReader(data), int64(len(data)), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	c := g.Clip
	s := c.Actors[0].Skeleton
	hips := s.Index("mixamorig:Hips")
	if s.Joints[0].Kind != motion.Node || s.Joints[hips].Parent != 0 {
		t.Fatalf("the case has no Armature node above the hips: %+v", s.Joints[:2])
	}
	out := DropNodesAbove(c, []int{hips})
	os := out.Actors[0].Skeleton
	if len(os.Joints) != len(s.Joints)-1 || os.Joints[0].Name != "mixamorig:Hips" || os.Joints[0].Parent != -1 {
		t.Fatalf("%d joints, first %+v", len(os.Joints), os.Joints[0])
	}
	if err := out.Validate(); err != nil {
		t.Fatal(err)
	}
	for f := range c.Frames() {
		a, b := c.WorldPositions(0, f, nil)[1:], out.WorldPositions(0, f, nil)
		for j := range b {
			if d := a[j].Sub(b[j]).Len(); d > 1e-9 {
				t.Fatalf("frame %d joint %s moved %g", f, os.Joints[j].Name, d)
			}
		}
	}
	for j, joint := range os.Joints {
		if s := joint.Rest.S; s.Sub(motion.Vec3{X: 1, Y: 1, Z: 1}).Len() > 1e-9 {
			t.Errorf("joint %d keeps scale %v", j, s)
		}
	}
	// No node above: nothing changes.
	if same := DropNodesAbove(out, []int{0}); len(same.Actors[0].Skeleton.Joints) != len(os.Joints) {
		t.Error("a clip without nodes above the hips changed")
	}
}

func TestZeroRestRotationsKeepsTheMotion(t *testing.T) {
	var data []byte
	for _, f := range loadtest.Files(t) {
		if f.Name == "mixamo-armature.glb" {
			data = f.Data
		}
	}
	g, err := gltf.Read(bytes.NewReader(data), int64(len(data)), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	c := DropNodesAbove(g.Clip, []int{1})
	// Give every joint a roll of its own, as real rigs have.
	a := c.Actors[0]
	for j := range a.Skeleton.Joints {
		roll := motion.AxisAngle(motion.Vec3{X: 0.3, Y: 1, Z: 0.2}.Normalize(), float64(j)*0.37)
		a.Skeleton.Joints[j].Rest.R = a.Skeleton.Joints[j].Rest.R.Mul(roll)
		for f := range a.Tracks[j].R {
			a.Tracks[j].R[f] = a.Tracks[j].R[f].Mul(roll)
		}
		for _, k := range a.Skeleton.Children(j) {
			a.Skeleton.Joints[k].Rest.T = roll.Conj().Rotate(a.Skeleton.Joints[k].Rest.T)
			for f := range a.Tracks[k].T {
				a.Tracks[k].T[f] = roll.Conj().Rotate(a.Tracks[k].T[f])
			}
		}
	}
	out := ZeroRestRotations(c)
	for _, j := range out.Actors[0].Skeleton.Joints {
		if j.Rest.R.Angle(motion.Identity) > 1e-9 {
			t.Fatalf("joint %s keeps a rest rotation", j.Name)
		}
	}
	for f := range c.Frames() {
		x, y := c.WorldPositions(0, f, nil), out.WorldPositions(0, f, nil)
		for j := range x {
			if d := x[j].Sub(y[j]).Len(); d > 1e-9 {
				t.Fatalf("frame %d joint %d moved %g", f, j, d)
			}
		}
	}
	rx, ry := c.Actors[0].Skeleton.RestWorld(), out.Actors[0].Skeleton.RestWorld()
	for j := range rx {
		if d := rx[j].Translation().Sub(ry[j].Translation()).Len(); d > 1e-9 {
			t.Fatalf("the rest pose moved joint %d by %g", j, d)
		}
	}
}
