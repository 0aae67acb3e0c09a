package retarget

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"singlecam/core/guard"
	"singlecam/core/motion"
)

// Pair says which bone of the motion drives one bone of the character.
//
// Each side names a joint in one of three ways: its name; "#N" for the
// skeleton's joint N (counting from 0), for joints without a name of their
// own (CesiumMan's have none); or "role:R" for whichever joint plays the
// humanoid role R there ("role:leftUpperArm"). A side naming a joint its
// skeleton lacks falls back to the joint playing the pair's Role, so a map
// saved with one motion works with another motion in another naming style.
type Pair struct {
	// Bone is the character's bone; it is never empty.
	Bone string `json:"bone"`
	// Motion is the motion's bone that drives it; empty leaves the
	// character's bone unmatched (it follows its parent).
	Motion string `json:"motion"`
	// Role is the humanoid role the pair plays (the motion bone's, or the
	// character bone's while it is unmatched), or empty.
	Role string `json:"role,omitempty"`
}

// Match is the whole bone match for one character and one motion rig.
type Match struct {
	// Character names the character the match was made for.
	Character string `json:"character,omitempty"`
	// Pairs lists the character's bones with what drives them. A match made
	// here lists every bone, matched or not (so any can be changed); a map
	// read from a file lists the matched ones.
	Pairs []Pair `json:"pairs"`
	// How says where the character's roles came from.
	How How `json:"-"`
	// table is the character's VRM humanoid table, when NewMatch had one.
	table map[string]int
}

// BoneRef names joint i of s in a match: its name when it has one that no
// other joint shares, else "#i".
func BoneRef(s *motion.Skeleton, i int) string {
	if n := s.Joints[i].Name; n != "" && s.Index(n) == i && !strings.HasPrefix(n, "#") && !strings.HasPrefix(n, "role:") {
		dup := false
		for k := i + 1; k < len(s.Joints) && !dup; k++ {
			dup = s.Joints[k].Name == n
		}
		if !dup {
			return n
		}
	}
	return "#" + strconv.Itoa(i)
}

// resolve finds the joint ref names in s (roles are s's humanoid roles):
// a name, "#N" or "role:R"; else the joint playing fallback; else -1.
func resolve(s *motion.Skeleton, roles map[string]int, ref, fallback string) int {
	if r, ok := strings.CutPrefix(ref, "role:"); ok {
		ref, fallback = "", r
	} else if n, ok := strings.CutPrefix(ref, "#"); ok {
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(s.Joints) && s.Joints[i].Kind != motion.End {
			return i
		}
	} else if i := s.Index(ref); i >= 0 && ref != "" {
		return i
	}
	if j, ok := roles[fallback]; ok && fallback != "" {
		return j
	}
	return -1
}

// NewMatch matches the character's bones (target, with its VRM humanoid
// table or nil) to the motion's (source) by humanoid role, each side's roles
// found by Roles (the skeleton's shape first). Every bone of the character
// gets a pair, matched or not, so any can be changed.
func NewMatch(target *motion.Skeleton, table map[string]int, source *motion.Skeleton) *Match {
	troles, how := Roles(target, table)
	sroles, _ := Roles(source, nil)
	roleOf := map[int]string{}
	for role, j := range troles {
		roleOf[j] = role
	}
	m := &Match{How: how, table: table}
	for i, j := range target.Joints {
		if j.Kind != motion.Bone {
			continue
		}
		p := Pair{Bone: BoneRef(target, i), Role: roleOf[i]}
		if s, ok := sroles[p.Role]; ok && p.Role != "" {
			p.Motion = BoneRef(source, s)
		}
		m.Pairs = append(m.Pairs, p)
	}
	return m
}

// Over lays a saved map over a fresh match m (every bone of the character):
// the bones the saved map lists are driven as it says, the others are left
// unmatched. It returns m.
func (m *Match) Over(saved *Match) *Match {
	listed := map[string]Pair{}
	for _, p := range saved.Pairs {
		listed[p.Bone] = p
	}
	for i, p := range m.Pairs {
		if s, ok := listed[p.Bone]; ok {
			m.Pairs[i].Motion, m.Pairs[i].Role = s.Motion, s.Role
		} else if p.Role != "" {
			if s, ok := listed["role:"+p.Role]; ok {
				m.Pairs[i].Motion = s.Motion
			} else {
				m.Pairs[i].Motion = ""
			}
		} else {
			m.Pairs[i].Motion = ""
		}
	}
	m.How = saved.How
	return m
}

// Set makes the motion's bone motionBone (a name or "#N"; empty unmatches
// it) drive the character's bone, playing role (empty when unknown). It
// reports whether the match lists such a bone of the character.
func (m *Match) Set(bone, motionBone, role string) bool {
	for i := range m.Pairs {
		if m.Pairs[i].Bone == bone {
			m.Pairs[i].Motion = motionBone
			if role != "" || motionBone != "" {
				m.Pairs[i].Role = role
			}
			return true
		}
	}
	return false
}

// Matched returns the number of pairs with a motion bone.
func (m *Match) Matched() int {
	n := 0
	for _, p := range m.Pairs {
		if p.Motion != "" {
			n++
		}
	}
	return n
}

// Missing lists the core roles (CoreRoles) of the character (target) that
// no motion bone drives, and of those the ones
// the motion (source) has no bone for at all; both empty when the
// character can take the motion.
func (m *Match) Missing(target, source *motion.Skeleton) (missing, notInMotion []string) {
	troles, _ := Roles(target, m.table)
	sroles, _ := Roles(source, nil)
	src, err := m.bind(target, source)
	for _, role := range CoreRoles {
		// A character whose legs end at the shin with no foot standing
		// apart from them (roles.Leg.Apart, the three.js robot's IK feet,
		// which a retarget places) is refused too: nothing would move its
		// feet, and a file with the feet left behind is worse than a refusal.
		t, ok := troles[role]
		if !ok || err != nil || src[t] < 0 {
			missing = append(missing, role)
			if _, ok := sroles[role]; !ok {
				notInMotion = append(notInMotion, role)
			}
		}
	}
	return missing, notInMotion
}

// ErrBadMap is wrapped by every error about a bone-map file.
var ErrBadMap = errors.New("bad bone map")

// maxMapBytes bounds a bone-map file: one pair is about 60 bytes and a
// character a few hundred bones, so a real map is tens of kilobytes. (It
// was 16 MB: 8 million empty pairs, 56 MB to decode.)
const maxMapBytes = 1 << 20

// ReadMatch reads a match saved with Write (or written by hand, or by an
// older Singlecam, whose "move" is read as "motion"). Pairs without a
// motion bone are dropped; a pair without a character bone, or a bone
// listed twice, refuses the whole map.
func ReadMatch(r io.Reader) (_ *Match, err error) {
	defer guard.Recover(&err, "read the bone map")
	data, err := io.ReadAll(io.LimitReader(r, maxMapBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMap, err)
	}
	if len(data) > maxMapBytes {
		return nil, fmt.Errorf("%w: the file is larger than %d MB, more than any bone map", ErrBadMap, maxMapBytes>>20)
	}
	var file struct {
		Character string `json:"character"`
		Pairs     []struct {
			Pair
			Move string `json:"move"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMap, err)
	}
	m := &Match{Character: file.Character, How: "a saved map"}
	seen := map[string]bool{}
	for i, fp := range file.Pairs {
		p := fp.Pair
		if p.Motion == "" {
			p.Motion = fp.Move
		}
		if p.Bone == "" {
			return nil, fmt.Errorf("%w: pair %d has no character bone", ErrBadMap, i+1)
		}
		if seen[p.Bone] {
			return nil, fmt.Errorf("%w: bone %q is listed twice", ErrBadMap, p.Bone)
		}
		seen[p.Bone] = true
		if p.Motion != "" {
			m.Pairs = append(m.Pairs, p)
		}
	}
	if len(m.Pairs) == 0 {
		return nil, fmt.Errorf("%w: it pairs no bones", ErrBadMap)
	}
	return m, nil
}

// ErrEmptyMap is returned by Write for a match that drives no bone.
var ErrEmptyMap = fmt.Errorf("%w: no bone is matched", ErrBadMap)

// Write saves the matched pairs as indented JSON, to be read back with
// ReadMatch. It refuses a pair without a character bone (name it with
// BoneRef) and a match without any matched pair, so a map that could not
// be read back is never written.
func (m *Match) Write(w io.Writer) error {
	out := Match{Character: m.Character, Pairs: []Pair{}}
	for i, p := range m.Pairs {
		if p.Bone == "" {
			return fmt.Errorf("%w: pair %d has no character bone", ErrBadMap, i+1)
		}
		if p.Motion != "" {
			out.Pairs = append(out.Pairs, p)
		}
	}
	if len(out.Pairs) == 0 {
		return ErrEmptyMap
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write bone map: %w", err)
	}
	return nil
}

// bind resolves the match's pairs: for each character joint, the index of
// the motion joint driving it, or -1.
func (m *Match) bind(target, source *motion.Skeleton) ([]int, error) {
	src := make([]int, len(target.Joints))
	for i := range src {
		src[i] = -1
	}
	var troles, sroles map[string]int
	for _, p := range m.Pairs {
		if strings.HasPrefix(p.Bone, "role:") || strings.HasPrefix(p.Motion, "role:") || p.Role != "" {
			troles, _ = Roles(target, m.table)
			sroles, _ = Roles(source, nil)
			break
		}
	}
	var unknown []string
	for _, p := range m.Pairs {
		if p.Motion == "" {
			continue
		}
		t, s := resolve(target, troles, p.Bone, p.Role), resolve(source, sroles, p.Motion, p.Role)
		switch {
		case t < 0:
			unknown = append(unknown, fmt.Sprintf("the character has no bone %q", p.Bone))
		case s < 0:
			unknown = append(unknown, fmt.Sprintf("the motion has no bone %q", p.Motion))
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
