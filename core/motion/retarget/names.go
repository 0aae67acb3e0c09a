package retarget

import (
	"strings"
	"sync"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/roles"
)

// CoreRoles are the humanoid roles a character must have matched before a
// motion can be put on it: without any of them the body cannot follow.
var CoreRoles = func() []string {
	out := make([]string, len(roles.Core))
	for i, r := range roles.Core {
		out[i] = string(r)
	}
	return out
}()

// How says where a skeleton's roles came from.
type How string

// The ways roles are found, best first.
const (
	ByVRM   How = "the VRM humanoid table"
	ByShape How = "the skeleton's shape"
	ByNames How = "bone names"
)

// body are the roles roles.Find assigns: when it finds the body, names
// add only what it does not look for (fingers, eyes, the jaw).
var body = func() map[string]bool {
	out := map[string]bool{}
	for _, r := range roles.All {
		out[string(r)] = true
	}
	return out
}()

// Roles finds which joint of s plays each humanoid role: the VRM humanoid
// table when one is given, then the skeleton's shape and rest pose
// (roles.Find: the same for a motion and a character, whatever the names),
// then names for what neither tells (fingers), or for everything when the
// skeleton's shape is not a humanoid's. It returns the roles and where the
// body's came from.
func Roles(s *motion.Skeleton, table map[string]int) (map[string]int, How) {
	out := map[string]int{}
	taken := map[int]bool{}
	add := func(role string, j int) {
		if _, ok := out[role]; !ok && j >= 0 && j < len(s.Joints) && !taken[j] {
			out[role], taken[j] = j, true
		}
	}
	how := ByNames
	if len(table) > 0 {
		how = ByVRM
		for role, j := range table {
			add(role, j)
		}
	}
	shaped := false
	if h, err := roles.Find(s); err == nil {
		shaped = true
		if how != ByVRM {
			how = ByShape
		}
		for _, r := range roles.All {
			if j := h.Of(r); j >= 0 {
				add(string(r), j)
			}
		}
	}
	named, nameHow := byNames(s)
	for role, j := range named {
		if !shaped || !body[role] {
			add(role, j)
		}
	}
	if how == ByNames {
		how = nameHow
	}
	return out, how
}

// byNames finds roles by the rig map (Move One's, Mixamo's, UE5's, Unity's,
// VRM's) whose names match the most joints, with roles it leaves out
// filled from normalised names, and says which map it used.
func byNames(s *motion.Skeleton) (map[string]int, How) {
	byName := map[string]int{}
	byNorm := map[string]int{}
	for i := len(s.Joints) - 1; i >= 0; i-- { // the first joint of a name wins
		j := s.Joints[i]
		if j.Kind == motion.End {
			continue
		}
		byName[j.Name] = i
		byNorm[flat(j.Name)] = i
	}
	// The map matching the most names exactly wins (Mixamo's for
	// "mixamorig:LeftArm", though Move One's "_1:LeftArm" matches it once
	// normalised); then the one matching the most once normalised.
	var best map[string]int
	bestExact := 0
	how := ByNames
	for _, m := range maps() {
		got := map[string]int{}
		exact := 0
		for role, name := range m.bones {
			if i, ok := byName[name]; ok {
				got[role] = i
				exact++
			} else if i, ok := byNorm[flat(name)]; ok {
				got[role] = i
			}
		}
		if len(got) >= 3 && (exact > bestExact || exact == bestExact && len(got) > len(best)) {
			best, bestExact, how = got, exact, How("the "+m.title+" names")
		}
	}
	if best == nil {
		best = map[string]int{}
	}
	taken := map[int]bool{}
	for _, i := range best {
		taken[i] = true
	}
	for i, j := range s.Joints {
		if j.Kind != motion.Bone || taken[i] {
			continue
		}
		if role := roleOfName(j.Name); role != "" {
			if _, ok := best[role]; !ok {
				best[role] = i
				taken[i] = true
			}
		}
	}
	return best, how
}

type namedMap struct {
	title string
	bones map[string]string
}

// maps returns Move One's rig and every embedded map as role → name, read
// once.
var maps = sync.OnceValue(readMaps)

func readMaps() []namedMap {
	move := rigs.Move()
	m := namedMap{title: move.Title, bones: map[string]string{}}
	for _, j := range move.Joints {
		if j.Role != "" {
			m.bones[j.Role] = j.Name
		}
	}
	out := []namedMap{m}
	for _, name := range rigs.MapNames() {
		if rm, err := rigs.LoadMap(name); err == nil {
			out = append(out, namedMap{title: rm.Title, bones: rm.Bones})
		}
	}
	return out
}

// stripPrefix drops what comes before the last ':' or '|': Mixamo's
// "mixamorig:", Move's "_1:", Blender's "Armature|".
func stripPrefix(name string) string {
	if i := strings.LastIndexAny(name, ":|"); i >= 0 {
		return name[i+1:]
	}
	return name
}

// flat is a name without its prefix, case or separators.
func flat(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(stripPrefix(name)) {
		if r != '_' && r != '-' && r != '.' && r != ' ' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// noise are name parts that say nothing of a bone's role: exporters'
// and rigging tools' prefixes.
var noise = map[string]bool{
	"bip": true, "bip01": true, "bip001": true, "def": true, "j": true, "c": true, "jnt": true,
	"mixamorig": true, "armature": true, "cc": true, "base": true, "bone": true, "b": true, "org": true,
}

// stems maps a bone name's side-less, noise-less form to the VRM role it
// plays; a leading "*" marks a limb role that needs a side.
var stems = map[string]string{
	"hips": "hips", "hip": "hips", "pelvis": "hips",
	"spine": "spine", "spine01": "spine", "spine0": "spine", "abdomen": "spine",
	"chest": "chest", "spine02": "chest", "spine1": "chest",
	"upperchest": "upperChest", "spine03": "upperChest", "spine2": "upperChest",
	"neck": "neck", "neck01": "neck",
	"head":     "head",
	"shoulder": "*Shoulder", "clavicle": "*Shoulder", "collar": "*Shoulder",
	"upperarm": "*UpperArm", "arm": "*UpperArm", "uparm": "*UpperArm",
	"lowerarm": "*LowerArm", "forearm": "*LowerArm", "lowarm": "*LowerArm", "elbow": "*LowerArm",
	"hand": "*Hand", "wrist": "*Hand",
	"upperleg": "*UpperLeg", "upleg": "*UpperLeg", "thigh": "*UpperLeg", "femur": "*UpperLeg",
	"lowerleg": "*LowerLeg", "leg": "*LowerLeg", "shin": "*LowerLeg", "calf": "*LowerLeg", "knee": "*LowerLeg", "lowleg": "*LowerLeg",
	"foot": "*Foot", "ankle": "*Foot",
	"toes": "*Toes", "toe": "*Toes", "toebase": "*Toes", "ball": "*Toes",
}

// roleOfName guesses a bone's humanoid role from its name alone:
// "mixamorig:LeftForeArm", "DEF-forearm.L", "Bip01 L Forearm", "lowerarm_l"
// and "J_Bip_L_LowerArm" all give "leftLowerArm".
func roleOfName(name string) string {
	lower := strings.ToLower(stripPrefix(name))
	parts := strings.FieldsFunc(lower, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' })
	side := ""
	var keep []string
	for _, p := range parts {
		switch {
		case p == "l" || p == "left":
			side = "left"
		case p == "r" || p == "right":
			side = "right"
		case noise[p]:
		default:
			keep = append(keep, p)
		}
	}
	stem := strings.Join(keep, "")
	if side == "" {
		for _, s := range []string{"left", "right"} {
			if strings.HasPrefix(stem, s) && len(stem) > len(s) {
				side, stem = s, stem[len(s):]
			} else if strings.HasSuffix(stem, s) && len(stem) > len(s) {
				side, stem = s, stem[:len(stem)-len(s)]
			}
		}
	}
	if side != "" && stem == "hip" {
		return side + "UpperLeg" // "LeftHip" in mocap rigs is the thigh
	}
	role, ok := stems[stem]
	if !ok {
		return ""
	}
	if strings.HasPrefix(role, "*") {
		if side == "" {
			return ""
		}
		return side + role[1:]
	}
	if side != "" {
		return ""
	}
	return role
}

// roleTitles name the roles whose VRM names read oddly to people.
var roleTitles = map[string]string{
	"LowerArm": "forearm", "UpperLeg": "thigh", "LowerLeg": "shin", "UpperArm": "upper arm",
	"upperChest": "upper chest", "ThumbMetacarpal": "thumb, 1st joint", "ThumbProximal": "thumb, 2nd joint", "ThumbDistal": "thumb, 3rd joint",
}

// RoleTitle names a humanoid role for people: "leftLowerArm" is "left forearm".
func RoleTitle(role string) string {
	if t, ok := roleTitles[role]; ok {
		return t
	}
	for _, side := range []string{"left", "right"} {
		if rest, ok := strings.CutPrefix(role, side); ok && rest != "" {
			if t, ok := roleTitles[rest]; ok {
				return side + " " + t
			}
			return side + " " + words(rest)
		}
	}
	return words(role)
}

// words splits camelCase into lower-case words: "IndexProximal" is "index proximal".
func words(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte(' ')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// RoleTitles names each role for people, joined with commas.
func RoleTitles(roles []string) string {
	t := make([]string, len(roles))
	for i, r := range roles {
		t[i] = RoleTitle(r)
	}
	return strings.Join(t, ", ")
}
