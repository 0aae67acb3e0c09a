package retarget

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"singlecam/core/motion"
)

// Pair says which bone of the motion drives one bone of the character.
type Pair struct {
	// Bone is the character's bone.
	Bone string `json:"bone"`
	// Move is the motion's bone that drives it; empty keeps the character's
	// bone in its rest pose.
	Move string `json:"move"`
	// Role is the humanoid role the pair plays, for people reading the
	// list; it is worked out again on loading.
	Role string `json:"role,omitempty"`
}

// Match is the whole bone match for one character and one motion rig.
type Match struct {
	// Character names the character the match was made for.
	Character string `json:"character,omitempty"`
	// Pairs lists every bone of the character, in the skeleton's order.
	Pairs []Pair `json:"pairs"`
	// How says where the character's roles came from.
	How How `json:"-"`
}

// NewMatch matches the character's bones (target, with its VRM humanoid
// table or nil) to the motion's (source) by humanoid role. Every bone of
// the character gets a pair, matched or not, so any can be changed.
func NewMatch(target *motion.Skeleton, table map[string]int, source *motion.Skeleton) *Match {
	troles, how := Roles(target, table)
	sroles, _ := Roles(source, nil)
	roleOf := map[int]string{}
	for role, j := range troles {
		roleOf[j] = role
	}
	m := &Match{How: how}
	for i, j := range target.Joints {
		if j.Kind != motion.Bone {
			continue
		}
		p := Pair{Bone: j.Name, Role: roleOf[i]}
		if s, ok := sroles[p.Role]; ok && p.Role != "" {
			p.Move = source.Joints[s].Name
		}
		m.Pairs = append(m.Pairs, p)
	}
	return m
}

// Set makes the motion's bone move drive the character's bone (move empty
// unmatches it). It reports whether the character has such a bone.
func (m *Match) Set(bone, move string) bool {
	for i := range m.Pairs {
		if m.Pairs[i].Bone == bone {
			m.Pairs[i].Move = move
			return true
		}
	}
	return false
}

// Matched returns the number of pairs with a motion bone.
func (m *Match) Matched() int {
	n := 0
	for _, p := range m.Pairs {
		if p.Move != "" {
			n++
		}
	}
	return n
}

// Missing lists the core roles (CoreRoles) that no pair drives with the
// motion bone playing that role in source; empty when the character can
// take the motion.
func (m *Match) Missing(source *motion.Skeleton) []string {
	sroles, _ := Roles(source, nil)
	driven := map[string]bool{}
	for _, p := range m.Pairs {
		if p.Move != "" {
			driven[p.Move] = true
		}
	}
	var out []string
	for _, role := range CoreRoles {
		s, ok := sroles[role]
		if !ok || !driven[source.Joints[s].Name] {
			out = append(out, role)
		}
	}
	return out
}

// ErrBadMap is wrapped by every error about a bone-map file.
var ErrBadMap = errors.New("bad bone map")

// ReadMatch reads a match saved with Write.
func ReadMatch(r io.Reader) (*Match, error) {
	dec := json.NewDecoder(io.LimitReader(r, 16<<20))
	var m Match
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMap, err)
	}
	if len(m.Pairs) == 0 {
		return nil, fmt.Errorf("%w: it lists no pairs", ErrBadMap)
	}
	seen := map[string]bool{}
	for i, p := range m.Pairs {
		if p.Bone == "" {
			return nil, fmt.Errorf("%w: pair %d has no character bone", ErrBadMap, i+1)
		}
		if seen[p.Bone] {
			return nil, fmt.Errorf("%w: bone %q is listed twice", ErrBadMap, p.Bone)
		}
		seen[p.Bone] = true
	}
	m.How = "a saved map"
	return &m, nil
}

// Write saves the match as indented JSON, to be read back with ReadMatch.
func (m *Match) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("write bone map: %w", err)
	}
	return nil
}

// bind resolves the match's names: for each character joint, the index of
// the motion joint driving it, or -1.
func (m *Match) bind(target, source *motion.Skeleton) ([]int, error) {
	src := make([]int, len(target.Joints))
	for i := range src {
		src[i] = -1
	}
	var unknown []string
	for _, p := range m.Pairs {
		if p.Move == "" {
			continue
		}
		t, s := target.Index(p.Bone), source.Index(p.Move)
		switch {
		case t < 0:
			unknown = append(unknown, fmt.Sprintf("the character has no bone %q", p.Bone))
		case s < 0:
			unknown = append(unknown, fmt.Sprintf("the motion has no bone %q", p.Move))
		default:
			src[t] = s
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("%w: %s", ErrBadMap, strings.Join(unknown, "; "))
	}
	return src, nil
}
