package roles

import (
	"strings"
	"unicode"
)

// asfParts are body words that ASF-style names glue to a one-letter side:
// "lfemur", "rhumerus", "lhipjoint".
var asfParts = []string{"femur", "tibia", "foot", "toes", "toe", "humerus", "radius", "wrist", "hand", "clavicle", "hipjoint", "hip", "fingers", "thumb", "shoulder", "thigh", "shin", "shldr", "forearm", "collar"}

// sideOfName reads a side from a joint's name: 1 for left, -1 for right, 0
// when it says none. "LeftUpLeg", "lfemur", "rThigh", "UpperArmL",
// "CC_Base_L_Thigh", "J_Bip_R_UpperArm", "thigh_l" and "Bip01 L Thigh" all
// say a side.
func sideOfName(name string) int {
	if i := strings.LastIndexAny(name, ":|"); i >= 0 {
		name = name[i+1:]
	}
	for _, w := range splitName(name) {
		switch w {
		case "l", "left":
			return 1
		case "r", "right":
			return -1
		}
		for _, part := range asfParts {
			if len(w) == len(part)+1 && strings.HasSuffix(w, part) {
				switch w[0] {
				case 'l':
					return 1
				case 'r':
					return -1
				}
			}
		}
	}
	return 0
}

// splitName splits a name into lower-case words at separators and at
// lower-to-upper case changes: "UpperArmL" is upper, arm, l.
func splitName(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ':
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// upperArmNames and thighNames are the stems (stemOfName) of names that
// say a joint is an upper arm or a thigh. "Shoulder" is not one: Mixamo's
// LeftShoulder is the clavicle, plain mocap names' the upper arm.
var (
	upperArmNames = map[string]bool{"upperarm": true, "arm": true, "uparm": true, "humerus": true, "shldr": true, "shoulderbend": true}
	thighNames    = map[string]bool{"upperleg": true, "upleg": true, "thigh": true, "femur": true, "thighbend": true}
)

// stemOfName is a name without its prefix, side, numbering and tool
// words: "mixamorig:LeftUpLeg" is "upleg", "UpperArmL" "upperarm",
// "lfemur" "femur", "CC_Base_L_Thigh" "thigh".
func stemOfName(name string) string {
	if i := strings.LastIndexAny(name, ":|"); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, w := range splitName(name) {
		switch w {
		case "l", "r", "left", "right", "j", "bip", "c", "cc", "base", "def", "b":
			continue
		}
		if sideOfName(w) != 0 && len(w) > 1 {
			w = w[1:] // "lfemur"
		}
		b.WriteString(strings.TrimRight(w, "0123456789"))
	}
	return b.String()
}
