package load

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/roles"
)

// Options say how to read a file beyond its name.
type Options struct {
	// Animation is the index of a glTF file's animation to read; -1 reads
	// the longest.
	Animation int
	// Units is the length unit of the source: "m", "cm", "mm", "in", or ""
	// or "auto" to find it (from the figure's height, for formats whose
	// unit is not fixed: BVH).
	Units string
	// Scale, when positive, is how many metres one unit of the source is
	// (0.056444 for CMU's conversion), overriding Units.
	Scale float64
	// Up is the source's up axis: "y", "z", or "" or "auto" to find it
	// (from where the rest pose's spine points, hips to head).
	Up string
}

// ErrBadSourceOptions is wrapped by the errors of Options.Check.
var ErrBadSourceOptions = errors.New("bad source options")

// unitMetres are the units a user may name, in metres.
var unitMetres = map[string]float64{"m": 1, "cm": 0.01, "mm": 0.001, "in": 0.0254}

// CMUUnit is one unit of CMU's motion capture database in metres: its
// ASF skeletons measure in inches scaled by 0.45 ("length 0.45"), so a
// unit is 2.54 cm / 0.45, and its BVH conversions keep those numbers.
const CMUUnit = 0.056444

// unitNames say each unit in words, for notes.
var unitNames = map[float64]string{1: "metres", 0.01: "centimetres", 0.001: "millimetres", 0.0254: "inches", CMUUnit: "CMU's unit (0.056444 m)"}

// Check says whether the options can be used, in a sentence that says what
// to change.
func (o Options) Check() error {
	if u := strings.ToLower(o.Units); u != "" && u != "auto" && unitMetres[u] == 0 {
		return fmt.Errorf("%w: the source units are m, cm, mm, in or auto, not %q", ErrBadSourceOptions, o.Units)
	}
	if o.Scale != 0 && !(o.Scale > 0 && o.Scale < 1e6) {
		return fmt.Errorf("%w: the source scale is a positive number of metres per unit, not %g", ErrBadSourceOptions, o.Scale)
	}
	if u := strings.ToLower(o.Up); u != "" && u != "auto" && u != "y" && u != "z" {
		return fmt.Errorf("%w: the source up axis is y, z or auto, not %q", ErrBadSourceOptions, o.Up)
	}
	return nil
}

// Human heights, in metres, that a found unit must give: anything else is
// not a person standing in that unit.
const (
	minHuman = 1.0
	maxHuman = 2.4
	// assumedHeight is how tall a figure whose unit is none of the known
	// ones is made: an adult's height.
	assumedHeight = 1.7
)

// Space is what Open found or was told about a file's space.
type Space struct {
	// Up is the source's up axis as read ("Y", "Z", "−Y"…).
	Up string
	// UpFound reports whether Up was found from the figure (not told).
	UpFound bool
	// MetresPerUnit is one source unit in metres.
	MetresPerUnit float64
	// UnitsFound reports whether the unit was found from the figure's
	// height (not told, nor fixed by the format).
	UnitsFound bool
	// Height is the first actor's rest height in metres, 0 when the
	// skeleton is not a humanoid Singlecam recognises.
	Height float64
}

// Describe says the space in a few words: "Z up, centimetres".
func (s Space) Describe() string {
	return s.Up + " up, " + UnitName(s.MetresPerUnit)
}

// UnitName says a unit of so many metres in words: "centimetres", "CMU's
// unit (0.056444 m)", "0.0657 m per unit".
func UnitName(metres float64) string {
	if u, ok := unitNames[metres]; ok {
		return u
	}
	return fmt.Sprintf("%.4g m per unit", metres)
}

// Plausible reports whether a figure this many metres tall is a person
// standing in the unit that gave it: the range a found unit must give.
func Plausible(height float64) bool {
	return height >= minHuman && height <= maxHuman
}

// settle finds (or takes from opt) the clip's up axis and unit, turns the
// clip to stand along +Y (the model's up) and sets its MetresPerUnit.
// unitFixed says the format fixes the unit (glTF and MOTION_DATA are in
// metres), so only a told unit changes it. readerUp is the up axis the
// format's reader already turned to Y ("Z" for Move's JSON), so that
// Space says the file's own.
func settle(c *motion.Clip, opt Options, unitFixed bool, readerUp string) (*motion.Clip, Space) {
	sp := Space{Up: "Y", MetresPerUnit: c.MetresPerUnit}
	if readerUp != "" && strings.EqualFold(opt.Up, readerUp) {
		opt.Up = "y" // the reader has turned it already
	}
	if sp.MetresPerUnit <= 0 {
		sp.MetresPerUnit = 1
	}
	var h *roles.Humanoid
	if len(c.Actors) > 0 {
		h, _ = roles.Find(c.Actors[0].Skeleton)
	}
	up := motion.Vec3{Y: 1}
	switch strings.ToLower(opt.Up) {
	case "z":
		up, sp.Up = motion.Vec3{Z: 1}, "Z"
	case "y":
	default:
		if h != nil {
			up, sp.Up = nearestAxis(h.Up)
			sp.UpFound = sp.Up != "Y"
		}
	}
	if sp.Up != "Y" {
		c = fix.Upright(c, up)
	}
	height := 0.0 // in units
	if h != nil {
		height = h.Height
	}
	switch {
	case opt.Scale > 0:
		sp.MetresPerUnit = opt.Scale
	case unitMetres[strings.ToLower(opt.Units)] > 0:
		sp.MetresPerUnit = unitMetres[strings.ToLower(opt.Units)]
	case !unitFixed && height > 0:
		sp.MetresPerUnit, sp.UnitsFound = unitOf(height, c.Actors[0].Skeleton), true
	}
	c.MetresPerUnit = sp.MetresPerUnit
	sp.Height = height * sp.MetresPerUnit
	if sp.Up == "Y" && readerUp != "" {
		sp.Up = readerUp
	}
	return c, sp
}

// unitOf is the unit in which a figure height units tall stands as a
// person: metres, centimetres, inches or millimetres (in that order of
// preference); else CMU's unit for a skeleton named as CMU's captures are
// when it makes a plausible person (CMU's conversion, about 26 units to
// the head, is none of the usual ones); else whatever makes the figure
// assumedHeight tall.
func unitOf(height float64, s *motion.Skeleton) float64 {
	for _, u := range []float64{1, 0.01, 0.0254, 0.001} {
		if m := height * u; m >= minHuman && m <= maxHuman {
			return u
		}
	}
	if m := height * CMUUnit; m >= minCMU && m <= maxCMU && cmuNamed(s) {
		return CMUUnit
	}
	return assumedHeight / height
}

// Heights, in metres, that make CMU's unit believable for a skeleton
// named as CMU's are: an adult's or a teenager's, the database's subjects.
const (
	minCMU = 1.4
	maxCMU = 2.1
)

// cmuNamed reports whether s is named as CMU's captures are: the ASF's own
// names (lfemur, rfemur, ltibia, rtibia) or those of its BVH conversions
// (LHipJoint and RHipJoint, or LeftHipJoint and RightHipJoint, between the
// hips and the thighs), which no other common rig has.
func cmuNamed(s *motion.Skeleton) bool {
	has := map[string]bool{}
	for _, j := range s.Joints {
		name := strings.ToLower(j.Name)
		if i := strings.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		has[name] = true
	}
	asf := has["lfemur"] && has["rfemur"] && has["ltibia"] && has["rtibia"]
	cgspeed := (has["lhipjoint"] || has["lefthipjoint"]) && (has["rhipjoint"] || has["righthipjoint"])
	return asf || cgspeed
}

// nearestAxis snaps v to the signed axis it is nearest, named.
func nearestAxis(v motion.Vec3) (motion.Vec3, string) {
	ax, ay, az := math.Abs(v.X), math.Abs(v.Y), math.Abs(v.Z)
	sign := func(x float64) (float64, string) {
		if x < 0 {
			return -1, "−"
		}
		return 1, ""
	}
	switch {
	case ax >= ay && ax >= az:
		s, n := sign(v.X)
		return motion.Vec3{X: s}, n + "X"
	case az >= ay:
		s, n := sign(v.Z)
		return motion.Vec3{Z: s}, n + "Z"
	default:
		s, n := sign(v.Y)
		return motion.Vec3{Y: s}, n + "Y"
	}
}
