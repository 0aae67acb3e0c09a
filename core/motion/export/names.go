package export

import (
	"fmt"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/roles"
)

// toRig names every joint of every actor as rig map m does, from any
// source's names: the humanoid roles found from the skeleton's shape
// (roles.Find) take the map's names; Move One's other bones (fingers) take
// theirs from Move's rig; every other joint keeps its own name without its
// namespace, behind the map's prefix when it has one ("mixamorig:"), so
// that a tool that looks for the rig's prefix finds every bone. Still
// nodes above the hips (a Blender Armature) are baked into the hips, since
// no target rig has them. A name two joints would share gets a number.
func toRig(c *motion.Clip, m *rigs.Map) *motion.Clip {
	found := make([]*roles.Humanoid, len(c.Actors))
	hips := make([]int, len(c.Actors))
	for i, a := range c.Actors {
		hips[i] = -1
		if h, err := roles.Find(a.Skeleton); err == nil {
			found[i], hips[i] = h, h.Of(roles.Hips)
		}
	}
	out := fix.DropNodesAbove(c, hips)
	prefix := mapPrefix(m)
	moveNames := plainNames(rigs.Move().NamesFor(m))
	for i, a := range out.Actors {
		s := &motion.Skeleton{Joints: append([]motion.Joint(nil), a.Skeleton.Joints...)}
		var byRole map[int]string
		if found[i] != nil {
			// Joints are found again: dropping nodes renumbered them.
			if h, err := roles.Find(s); err == nil {
				byRole = map[int]string{}
				for role, j := range h.Joints {
					if n, ok := m.Bones[string(role)]; ok {
						byRole[j] = n
					}
				}
			}
		}
		taken := map[string]bool{}
		for _, n := range byRole {
			taken[n] = true
		}
		for j := range s.Joints {
			joint := &s.Joints[j]
			if n, ok := byRole[j]; ok {
				joint.Name = n
				continue
			}
			plain := joint.Name
			if k := strings.LastIndexByte(plain, ':'); k >= 0 && k < len(plain)-1 {
				plain = plain[k+1:]
			}
			name := plain
			if n, ok := moveNames[plain]; ok {
				name = n
			} else if prefix != "" && !strings.HasPrefix(name, prefix) {
				name = prefix + name
			}
			if joint.Kind != motion.End {
				name = unique(name, taken)
				taken[name] = true
			}
			joint.Name = name
		}
		a.Skeleton = s
	}
	return out
}

// mapPrefix is the namespace every name of m starts with ("mixamorig:"),
// or "".
func mapPrefix(m *rigs.Map) string {
	prefix := ""
	for _, n := range m.Bones {
		k := strings.LastIndexByte(n, ':')
		if k < 0 {
			return ""
		}
		if prefix == "" {
			prefix = n[:k+1]
		} else if n[:k+1] != prefix {
			return ""
		}
	}
	return prefix
}

func unique(name string, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s_%d", name, i); !taken[n] {
			return n
		}
	}
}

// nameUnnamed gives every joint without a name one: its humanoid role
// ("hips", "leftUpperArm") when the figure is recognised, else "joint"
// and its index, so that a tool shows the same names the export promises
// (Blender would call them Node_0, Node_1… on its own) and a later
// import can find the bones again.
func nameUnnamed(c *motion.Clip) *motion.Clip {
	out := fix.Rename(c, nil)
	for _, a := range out.Actors {
		var h *roles.Humanoid
		taken := map[string]bool{}
		for _, j := range a.Skeleton.Joints {
			taken[j.Name] = true
		}
		if !taken[""] {
			continue
		}
		h, _ = roles.Find(a.Skeleton)
		for j := range a.Skeleton.Joints {
			joint := &a.Skeleton.Joints[j]
			if joint.Name != "" {
				continue
			}
			name := fmt.Sprintf("joint%d", j)
			if h != nil && h.RoleOf(j) != "" {
				name = string(h.RoleOf(j))
			}
			joint.Name = unique(name, taken)
			taken[joint.Name] = true
		}
	}
	return out
}
