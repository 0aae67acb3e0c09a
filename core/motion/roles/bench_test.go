package roles_test

import (
	"fmt"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// A VRoid-like avatar with fingers, hair, a skirt and face joints, grown to
// 160 joints: the target is well under 5 ms a detection.
func BenchmarkFind160Joints(b *testing.B) {
	r := rolestest.Build(rolestest.VRoid, rolestest.Options{Fingers: true, Armature: true, Rolls: true})
	s := r.Skeleton
	head := r.Roles[roles.Head]
	for k := 0; len(s.Joints) < 160; k++ {
		s.Joints = append(s.Joints, motion.Joint{Name: fmt.Sprintf("J_Adj_Face%d", k), Parent: head,
			Rest: motion.Transform{T: motion.Vec3{X: float64(k%5-2) * 2, Y: 5, Z: 8}, R: motion.Identity, S: motion.Vec3{X: 1, Y: 1, Z: 1}}})
	}
	if _, err := roles.Find(s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := roles.Find(s); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFind builds a skeleton from bytes (each joint's parent and offset)
// and checks that Find never panics and that what it finds is consistent.
func FuzzFind(f *testing.F) {
	f.Add([]byte{0, 10, 20, 30, 1, 5, 5, 5, 1, 250, 5, 5, 2, 0, 200, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &motion.Skeleton{}
		for i := 0; i+4 <= len(data) && len(s.Joints) < 200; i += 4 {
			parent := -1
			if n := len(s.Joints); n > 0 {
				parent = int(data[i])%(n+1) - 1
			}
			off := motion.Vec3{X: float64(int8(data[i+1])), Y: float64(int8(data[i+2])), Z: float64(int8(data[i+3]))}
			s.Joints = append(s.Joints, motion.Joint{Parent: parent, Rest: motion.Transform{T: off, R: motion.Identity, S: motion.Vec3{X: 1, Y: 1, Z: 1}}})
		}
		h, err := roles.Find(s)
		if err != nil {
			return
		}
		seen := map[int]roles.Role{}
		for r, j := range h.Joints {
			if j < 0 || j >= len(s.Joints) {
				t.Fatalf("%s is joint %d of %d", r, j, len(s.Joints))
			}
			if other, dup := seen[j]; dup {
				t.Fatalf("joint %d plays %s and %s", j, r, other)
			}
			seen[j] = r
		}
	})
}
