// Package rigs holds skeletons and bone-name conventions as data files,
// embedded in the program: Move One's rig, and (in time) the maps to
// Mixamo, Unreal Engine, Unity and VRM names. Every joint may name its
// humanoid role with VRM 1.0's bone names, the vocabulary maps share.
package rigs

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"singlecam/core/motion"
)

//go:embed *.json
var files embed.FS

// Rig is a skeleton as a data file describes it.
type Rig struct {
	// Name is the file's name without .json: "move".
	Name string `json:"name"`
	// Title is how people call the rig: "Move One".
	Title string `json:"title"`
	// About says where the names and numbers come from.
	About string `json:"about"`
	// Units, Up and Forward describe the rest pose's space.
	Units   string `json:"units"`
	Up      string `json:"up"`
	Forward string `json:"forward"`
	// Joints lists the joints, each after its parent.
	Joints []Joint `json:"joints"`
}

// Joint is one joint of a rig file.
type Joint struct {
	Name string `json:"name"`
	// Parent is the parent joint's name; empty for the root.
	Parent string `json:"parent"`
	// Offset is the rest translation from the parent, in the rig's units.
	Offset [3]float64 `json:"offset"`
	// Role is the joint's VRM 1.0 humanoid bone name ("hips",
	// "leftUpperArm"), "root" for a root above the hips, or empty for a
	// helper bone no humanoid names.
	Role string `json:"role,omitempty"`
	// Kind is "end" for a joint that only marks where a chain ends.
	Kind string `json:"kind,omitempty"`
}

// Names lists the rigs the program carries.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(out)
	return out
}

// Load reads the embedded rig called name.
func Load(name string) (*Rig, error) {
	data, err := files.ReadFile(name + ".json")
	if err != nil {
		return nil, fmt.Errorf("rig %q: there is no such rig (have %s)", name, strings.Join(Names(), ", "))
	}
	var r Rig
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("rig %q: %w", name, err)
	}
	if _, err := r.Skeleton(); err != nil {
		return nil, fmt.Errorf("rig %q: %w", name, err)
	}
	return &r, nil
}

// Move returns Move One's rig. It panics only if the embedded file is
// broken, which a test rules out.
func Move() *Rig {
	r, err := Load("move")
	if err != nil {
		panic(err)
	}
	return r
}

// Skeleton builds the rig's rest skeleton.
func (r *Rig) Skeleton() (*motion.Skeleton, error) {
	s := &motion.Skeleton{}
	index := map[string]int{}
	for i, j := range r.Joints {
		if _, dup := index[j.Name]; dup || j.Name == "" {
			return nil, fmt.Errorf("joint %d: name %q is empty or repeated", i, j.Name)
		}
		parent := -1
		if j.Parent != "" {
			p, ok := index[j.Parent]
			if !ok {
				return nil, fmt.Errorf("joint %q: parent %q does not come before it", j.Name, j.Parent)
			}
			parent = p
		}
		rest := motion.Rest
		rest.T = motion.Vec3{X: j.Offset[0], Y: j.Offset[1], Z: j.Offset[2]}
		kind := motion.Bone
		if j.Kind == "end" {
			kind = motion.End
		}
		index[j.Name] = i
		s.Joints = append(s.Joints, motion.Joint{Name: j.Name, Parent: parent, Rest: rest, Kind: kind})
	}
	return s, s.Validate()
}

// Roles maps each humanoid role to the index of the joint that plays it.
func (r *Rig) Roles() map[string]int {
	out := map[string]int{}
	for i, j := range r.Joints {
		if j.Role != "" {
			out[j.Role] = i
		}
	}
	return out
}
