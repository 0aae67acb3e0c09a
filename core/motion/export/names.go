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
// The notes say what a user could not guess from the names alone (see
// renameNotes).
func toRig(c *motion.Clip, m *rigs.Map) (*motion.Clip, []string) {
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
	var notes []string
	for i, a := range out.Actors {
		s := &motion.Skeleton{Joints: append([]motion.Joint(nil), a.Skeleton.Joints...)}
		var byRole map[int]string
		var h *roles.Humanoid
		if found[i] != nil {
			// Joints are found again: dropping nodes renumbered them.
			var err error
			if h, err = roles.Find(s); err == nil {
				byRole = map[int]string{}
				for role, j := range h.Joints {
					if n, ok := m.Bones[string(role)]; ok {
						byRole[j] = n
					}
				}
			} else {
				h = nil
			}
		}
		if i == 0 {
			notes = renameNotes(a.Skeleton, h, byRole, m)
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
	return out, notes
}

// renameNotes says, for the first actor, what renaming by role does that
// the old names would not let a user guess: a joint named like one of the
// rig's bones that now plays another (the three.js robot's Body is where
// its legs and spine meet, so it becomes Hips, and its own Hips, below
// that, becomes Spine), and the core bones no joint was found for, which
// keep their own names.
func renameNotes(s *motion.Skeleton, h *roles.Humanoid, byRole map[int]string, m *rigs.Map) []string {
	if h == nil {
		return []string{"no humanoid body was found in the skeleton: every bone keeps its own name"}
	}
	rigName := map[string]bool{}
	for _, n := range m.Bones {
		rigName[strings.ToLower(plain(n))] = true
	}
	var moved []string
	hips := false
	for j, joint := range s.Joints {
		n, ok := byRole[j]
		old := plain(joint.Name)
		if ok && old != "" && !strings.EqualFold(old, plain(n)) && rigName[strings.ToLower(old)] {
			moved = append(moved, fmt.Sprintf("%s is now %s", old, n))
			rigHips := plain(m.Bones[string(roles.Hips)])
			hips = hips || strings.EqualFold(rigHips, plain(n)) || strings.EqualFold(rigHips, old)
		}
		if j == h.Of(roles.Hips) && ok && old != "" && !strings.EqualFold(old, plain(n)) && !rigName[strings.ToLower(old)] {
			// Named unlike any of the rig's bones, but it is the hips.
			moved = append([]string{fmt.Sprintf("%s is now %s", old, n)}, moved...)
		}
	}
	var notes []string
	if len(moved) > 0 {
		why := ""
		if hips {
			why = "; the hips are where the legs and the spine meet"
		}
		notes = append(notes, "bones are named by where they are in the body, not by their old names ("+strings.Join(moved, ", ")+why+")")
	}
	var lost []string
	for _, r := range roles.Core {
		if n, ok := m.Bones[string(r)]; ok && h.Of(r) < 0 {
			lost = append(lost, n)
		}
	}
	if len(lost) > 0 {
		notes = append(notes, "no bone was recognised as "+strings.Join(lost, ", ")+": those bones keep their own names")
	}
	return notes
}

// plain is a joint name without its namespace ("mixamorig:Hips" → "Hips").
func plain(name string) string {
	if k := strings.LastIndexByte(name, ':'); k >= 0 && k < len(name)-1 {
		return name[k+1:]
	}
	return name
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
