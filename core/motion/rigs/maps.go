package rigs

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

//go:embed maps/*.json
var mapFiles embed.FS

// Map is a bone-naming convention as a data file: the name a target tool
// gives each humanoid role.
type Map struct {
	// Name is the file's name without .json: "mixamo".
	Name string `json:"name"`
	// Title is how people call the convention.
	Title string `json:"title"`
	// About says where the convention is documented.
	About string `json:"about"`
	// Bones maps VRM 1.0 humanoid roles (and "root") to the target's names.
	Bones map[string]string `json:"bones"`
}

// MapNames lists the maps the program carries.
func MapNames() []string {
	entries, _ := mapFiles.ReadDir("maps")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(out)
	return out
}

// LoadMap reads the embedded map called name.
func LoadMap(name string) (*Map, error) {
	data, err := mapFiles.ReadFile("maps/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("bone map %q: there is no such map (have %s)", name, strings.Join(MapNames(), ", "))
	}
	var m Map
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("bone map %q: %w", name, err)
	}
	seen := map[string]string{}
	for role, bone := range m.Bones {
		if bone == "" {
			return nil, fmt.Errorf("bone map %q: role %s has no name", name, role)
		}
		if other, dup := seen[bone]; dup {
			return nil, fmt.Errorf("bone map %q: %s and %s both become %s", name, other, role, bone)
		}
		seen[bone] = role
	}
	return &m, nil
}

// NamesFor maps the rig's joint names to the names m gives their roles.
// Joints without a role, or whose role m does not name, are left out (so a
// rename keeps their names).
func (r *Rig) NamesFor(m *Map) map[string]string {
	out := map[string]string{}
	for _, j := range r.Joints {
		if n, ok := m.Bones[j.Role]; ok && j.Role != "" {
			out[j.Name] = n
		}
	}
	return out
}
