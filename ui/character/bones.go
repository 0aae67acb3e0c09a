package character

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/retarget"
	"singlecam/core/motion/roles"
)

// boneNames are how one skeleton's joints read in the bone list: their
// names, or for joints without one (CesiumMan's) "joint 7 — left forearm?"
// (the role found for it), or where the joint stands when it plays no role
// ("joint 21 — 92% up, left"), so a person can tell them apart.
type boneNames struct {
	label map[string]string // a joint's reference (retarget.BoneRef) → its label
	ref   map[string]string // and back
	order []string          // the labels of the skeleton's bones, in its order
	role  map[string]string // a joint's reference → the role it plays, or none
	index map[string]int    // a joint's reference → its index in the skeleton
}

// newBoneNames labels s's bones (kind motion.Bone) with the roles found.
func newBoneNames(s *motion.Skeleton, found map[string]int) *boneNames {
	b := &boneNames{label: map[string]string{}, ref: map[string]string{}, role: map[string]string{}, index: map[string]int{}}
	roleOf := map[int]string{}
	for r, j := range found {
		roleOf[j] = r
	}
	fig, _ := roles.Find(s)
	world := s.RestWorld()
	for i, j := range s.Joints {
		if j.Kind != motion.Bone {
			continue
		}
		ref := retarget.BoneRef(s, i)
		b.role[ref], b.index[ref] = roleOf[i], i
		label := ref
		if strings.HasPrefix(ref, "#") {
			// The role guess when there is one; else where the joint is.
			label = "joint " + strconv.Itoa(i)
			if r := roleOf[i]; r != "" {
				label += " — " + retarget.RoleTitle(r) + "?"
			} else if fig != nil {
				hips := world[fig.Of(roles.Hips)].Translation()
				label += " — " + where(fig, world[i].Translation(), hips)
			}
		}
		b.label[ref], b.ref[label] = label, ref
		b.order = append(b.order, label)
	}
	return b
}

// where says where a point stands on the figure: how high above its floor
// (as a share of its height) and to which side of its hips.
func where(h *roles.Humanoid, p, hips motion.Vec3) string {
	up := (p.Dot(h.Up) - h.Floor) / math.Max(h.Height, 1e-9)
	side := p.Sub(hips).Dot(h.Left)
	s := fmt.Sprintf("%.0f%% up", 100*up)
	switch {
	case side > 0.03*h.Height:
		s += ", left"
	case side < -0.03*h.Height:
		s += ", right"
	default:
		s += ", middle"
	}
	return s
}

// Label is how the joint ref reads (itself when unknown).
func (b *boneNames) Label(ref string) string {
	if l, ok := b.label[ref]; ok {
		return l
	}
	return ref
}

// Ref is the joint a label names (the label itself when unknown).
func (b *boneNames) Ref(label string) string {
	if r, ok := b.ref[label]; ok {
		return r
	}
	return label
}
