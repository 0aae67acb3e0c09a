package motion

import (
	"errors"
	"fmt"
)

// JointKind says what a joint stands for in the file it came from.
type JointKind uint8

// The kinds of joint.
const (
	// Bone is an ordinary joint: a BVH JOINT or ROOT, a glTF skin joint.
	Bone JointKind = iota
	// End marks where a chain ends (a BVH End Site); it has no channels.
	End
	// Node is a glTF node above a skin's joints that is not itself a joint
	// (an armature object, a scene root); its transform still moves the bones.
	Node
)

// Joint is one joint of a skeleton.
type Joint struct {
	// Name is the joint's name in its file; it may be empty or repeated.
	Name string
	// Parent is the index of the parent joint, or -1 for a root. A parent
	// always comes before its children.
	Parent int
	// Rest is the joint's local transform when no animation moves it.
	Rest Transform
	// Kind says what the joint stands for in its file.
	Kind JointKind
}

// Skeleton is a forest of joints, each after its parent.
type Skeleton struct {
	Joints []Joint
}

// ErrBadSkeleton is wrapped by every error Validate returns.
var ErrBadSkeleton = errors.New("bad skeleton")

// Validate checks that every parent comes before its child and that every
// rest transform is finite.
func (s *Skeleton) Validate() error {
	if len(s.Joints) == 0 {
		return fmt.Errorf("%w: no joints", ErrBadSkeleton)
	}
	for i, j := range s.Joints {
		if j.Parent < -1 || j.Parent >= i {
			return fmt.Errorf("%w: joint %d (%q) has parent %d, which does not come before it", ErrBadSkeleton, i, j.Name, j.Parent)
		}
		if !j.Rest.T.Finite() || !j.Rest.R.Finite() || !j.Rest.S.Finite() {
			return fmt.Errorf("%w: joint %d (%q) has a rest transform that is not a number", ErrBadSkeleton, i, j.Name)
		}
	}
	return nil
}

// Index returns the index of the first joint called name, or -1.
func (s *Skeleton) Index(name string) int {
	for i, j := range s.Joints {
		if j.Name == name {
			return i
		}
	}
	return -1
}

// Bones returns the number of joints of kind Bone.
func (s *Skeleton) Bones() int {
	n := 0
	for _, j := range s.Joints {
		if j.Kind == Bone {
			n++
		}
	}
	return n
}

// Children returns the indices of the joints whose parent is i, in order.
func (s *Skeleton) Children(i int) []int {
	var c []int
	for k := i + 1; k < len(s.Joints); k++ {
		if s.Joints[k].Parent == i {
			c = append(c, k)
		}
	}
	return c
}

// RestWorld returns each joint's world matrix in the rest pose.
func (s *Skeleton) RestWorld() []Mat4 {
	w := make([]Mat4, len(s.Joints))
	for i, j := range s.Joints {
		m := j.Rest.Matrix()
		if j.Parent >= 0 {
			m = w[j.Parent].Mul(&m)
		}
		w[i] = m
	}
	return w
}
