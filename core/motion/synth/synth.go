// Package synth makes plausible human motion on any rig whose joints name
// their humanoid roles: a walk, a jump or a wave, with a T-pose on the first
// frame as Move One's files have. The API simulator uses it so the demo's
// outputs are real motion files; tests use it for clips of any length.
package synth

import (
	"fmt"
	"hash/fnv"
	"math"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
)

// Kind is a motion synth can make.
type Kind int

// The motions.
const (
	Walk Kind = iota
	Jump
	Wave
)

var kindNames = []string{"walk", "jump", "wave"}

// String returns "walk", "jump" or "wave".
func (k Kind) String() string { return kindNames[k] }

// KindFor picks a motion for a job: the one its name mentions ("Jump 2"),
// else one chosen by its id, so each job keeps its motion.
func KindFor(name, id string) Kind {
	lower := strings.ToLower(name)
	for k, n := range kindNames {
		if strings.Contains(lower, n) {
			return Kind(k)
		}
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return Kind(h.Sum32() % uint32(len(kindNames)))
}

// Options shape a clip.
type Options struct {
	Kind Kind
	// FPS is the frame rate; Seconds how long the motion lasts after the
	// T-pose frame.
	FPS, Seconds float64
	// Name names the clip and its actor.
	Name string
}

// maxFrames bounds a clip to ten minutes at 240 fps.
const maxFrames = 144_000

// Clip makes the motion on rig's skeleton: frame 0 is the rest T-pose, then
// Seconds × FPS frames of the motion. The rig must have joints for hips,
// both upper and lower arms and legs.
func Clip(rig *rigs.Rig, opt Options) (*motion.Clip, error) {
	skel, err := rig.Skeleton()
	if err != nil {
		return nil, err
	}
	if !(opt.FPS > 0 && opt.FPS <= 240) || !(opt.Seconds > 0) {
		return nil, fmt.Errorf("synth: %v fps for %v s is not a clip", opt.FPS, opt.Seconds)
	}
	frames := 1 + int(math.Round(opt.Seconds*opt.FPS))
	if frames > maxFrames {
		return nil, fmt.Errorf("synth: %d frames is more than %d", frames, maxFrames)
	}
	roles := rig.Roles()
	for _, need := range []string{"hips", "leftUpperArm", "rightUpperArm", "leftLowerArm", "rightLowerArm",
		"leftUpperLeg", "rightUpperLeg", "leftLowerLeg", "rightLowerLeg"} {
		if _, ok := roles[need]; !ok {
			return nil, fmt.Errorf("synth: rig %s has no %s", rig.Name, need)
		}
	}
	a := &motion.Actor{Name: opt.Name, Skeleton: skel, Frames: frames, Tracks: make([]motion.Track, len(skel.Joints))}
	hips := roles["hips"]
	rest := skel.Joints[hips].Rest.T
	a.Tracks[hips].T = make([]motion.Vec3, frames)
	// Every joint with a role turns; helpers and ends keep their rest.
	for _, j := range roles {
		a.Tracks[j].R = make([]motion.Quat, frames)
	}
	pose := pose{}
	for f := range frames {
		for _, j := range roles {
			a.Tracks[j].R[f] = motion.Identity
		}
		a.Tracks[hips].T[f] = rest
		if f == 0 {
			continue // the T-pose
		}
		t := float64(f-1) / opt.FPS
		clear(pose)
		off := motion.Vec3{}
		switch opt.Kind {
		case Jump:
			off = jump(pose, t)
		case Wave:
			off = wave(pose, t)
		default:
			off = walk(pose, t)
		}
		a.Tracks[hips].T[f] = rest.Add(off)
		for role, q := range pose {
			if j, ok := roles[role]; ok {
				a.Tracks[j].R[f] = q
			}
		}
	}
	c := &motion.Clip{Name: opt.Name, FPS: opt.FPS, Actors: []*motion.Actor{a}, MetresPerUnit: 1}
	return c, c.Validate()
}

// pose maps roles to local rotations for one frame.
type pose map[string]motion.Quat

var (
	xAxis = motion.Vec3{X: 1}
	yAxis = motion.Vec3{Y: 1}
	zAxis = motion.Vec3{Z: 1}
)

func rot(axis motion.Vec3, deg float64) motion.Quat { return motion.AxisAngle(axis, deg*math.Pi/180) }

// armsDown lowers both arms from the T-pose to hang at the sides, swung
// forward (positive) or back by swing degrees, with relaxed fingers.
func armsDown(p pose, swingL, swingR float64) {
	p["leftUpperArm"] = rot(xAxis, -swingL).Mul(rot(zAxis, -75))
	p["rightUpperArm"] = rot(xAxis, -swingR).Mul(rot(zAxis, 75))
	p["leftLowerArm"] = rot(yAxis, 15+0.3*math.Max(0, swingL))
	p["rightLowerArm"] = rot(yAxis, -15-0.3*math.Max(0, swingR))
	fingers(p, 20)
}

func fingers(p pose, curl float64) {
	for _, f := range []string{"IndexProximal", "MiddleProximal", "RingProximal", "LittleProximal"} {
		p["left"+f] = rot(zAxis, -curl)
		p["right"+f] = rot(zAxis, curl)
	}
	p["leftThumbProximal"] = rot(yAxis, curl/2)
	p["rightThumbProximal"] = rot(yAxis, -curl/2)
}

// walk: 1.3 m/s forward (+Z), one stride a second, hips bobbing.
func walk(p pose, t float64) motion.Vec3 {
	ph := 2 * math.Pi * t
	swing := 28 * math.Sin(ph)
	p["leftUpperLeg"] = rot(xAxis, -swing)
	p["rightUpperLeg"] = rot(xAxis, swing)
	p["leftLowerLeg"] = rot(xAxis, 40*math.Max(0, math.Sin(ph+1.6)))
	p["rightLowerLeg"] = rot(xAxis, 40*math.Max(0, math.Sin(ph+1.6+math.Pi)))
	p["leftFoot"] = rot(xAxis, -8*math.Sin(ph+0.5))
	p["rightFoot"] = rot(xAxis, 8*math.Sin(ph+0.5))
	p["spine"] = rot(yAxis, 5*math.Sin(ph))
	p["chest"] = rot(yAxis, -7*math.Sin(ph))
	p["head"] = rot(yAxis, 2*math.Sin(ph))
	armsDown(p, -0.7*swing, 0.7*swing)
	return motion.Vec3{Y: -0.025 + 0.025*math.Cos(2*ph), Z: 1.3 * t}
}

// jump: a jump on the spot every 1.6 s: crouch, take off, fly, land.
func jump(p pose, t float64) motion.Vec3 {
	const period = 1.6
	u := math.Mod(t, period) / period // 0..1 through one jump
	var crouch, lift, arms float64
	switch {
	case u < 0.35: // crouch down
		crouch = math.Sin(u / 0.35 * math.Pi / 2)
		arms = -40 * crouch
	case u < 0.45: // push off
		crouch = 1 - (u-0.35)/0.1
		arms = -40 + 200*(u-0.35)/0.1
	case u < 0.75: // in the air: 0.3 s, 0.11 m up
		s := (u - 0.45) / 0.3
		lift = 0.45 * s * (1 - s)
		arms = 160 - 100*s
	case u < 0.9: // land and absorb
		crouch = 0.6 * math.Sin((u-0.75)/0.15*math.Pi)
		arms = 60 * (1 - (u-0.75)/0.15)
	}
	knee := 70 * crouch
	p["leftUpperLeg"] = rot(xAxis, -knee)
	p["rightUpperLeg"] = rot(xAxis, -knee)
	p["leftLowerLeg"] = rot(xAxis, 2*knee)
	p["rightLowerLeg"] = rot(xAxis, 2*knee)
	p["leftFoot"] = rot(xAxis, -knee)
	p["rightFoot"] = rot(xAxis, -knee)
	p["spine"] = rot(xAxis, 25*crouch)
	armsDown(p, arms, arms)
	// The thigh (0.42 m) and shin (0.40 m) folding by knee degrees lower the hips.
	drop := 0.42*(1-math.Cos(knee*math.Pi/180)) + 0.40*(1-math.Cos(knee*math.Pi/180))
	return motion.Vec3{Y: lift - drop}
}

// wave: standing, weight shifting, the right hand raised and waving twice a
// second.
func wave(p pose, t float64) motion.Vec3 {
	sway := math.Sin(2 * math.Pi * t / 3)
	p["leftUpperArm"] = rot(zAxis, -75)
	p["leftLowerArm"] = rot(yAxis, 15)
	fingers(p, 20)
	p["rightUpperArm"] = rot(xAxis, -20).Mul(rot(zAxis, -50))
	p["rightLowerArm"] = rot(zAxis, -70+30*math.Sin(2*math.Pi*2*t))
	p["rightHand"] = rot(zAxis, 10*math.Sin(2*math.Pi*2*t+0.8))
	p["rightIndexProximal"], p["rightMiddleProximal"] = motion.Identity, motion.Identity
	p["rightRingProximal"], p["rightLittleProximal"] = motion.Identity, motion.Identity
	// The hips shift sideways; the legs lean against it so the feet stay put.
	shift := 0.03 * sway
	lean := -math.Asin(shift/0.87) * 180 / math.Pi
	p["leftUpperLeg"], p["rightUpperLeg"] = rot(zAxis, lean), rot(zAxis, lean)
	p["leftFoot"], p["rightFoot"] = rot(zAxis, -lean), rot(zAxis, -lean)
	p["spine"] = rot(zAxis, -2*sway)
	p["head"] = rot(yAxis, -10).Mul(rot(zAxis, 4*math.Sin(2*math.Pi*t)))
	return motion.Vec3{X: shift}
}
