package bvh

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"singlecam/core/motion"
)

// ErrNotBVH is wrapped by every error that says a file is not a BVH file
// Read can use.
var ErrNotBVH = errors.New("not a usable BVH file")

// Limits that keep a hostile or broken file from taking the machine's
// memory: a real character has a few hundred joints at most, and an hour at
// 240 fps is 864,000 frames.
const (
	maxJoints = 4096
	maxFrames = 2_000_000
	maxDepth  = 256
	maxToken  = 4096
)

// MaxValues bounds the channel values Read keeps, from one file or from all
// the files of a ZIP together: a clip holds each rotation channel as a
// third of a quaternion (about 11 bytes a value), and its tracks grow by
// doubling, so 8,000,000 values stay under 256 MB however the file is
// made. That is 11 minutes of a 31-joint skeleton (CMU's) at 120 fps; a
// file of 100,000,000 values (the old bound) took 2 GB.
const MaxValues = 8_000_000

// channel is one BVH channel of one joint.
type channel struct {
	joint int
	kind  byte // 'p' position or 'r' rotation
	axis  motion.Axis
}

type parser struct {
	sc       *bufio.Scanner
	line     int
	joints   []motion.Joint
	channels []channel
	budget   int // channel values the motion may hold
}

// Read parses one BVH file into a clip with one actor, named name. It reads
// r once, front to back, keeping only the clip it builds.
func Read(r io.Reader, name string) (*motion.Clip, error) {
	return readWithin(r, name, MaxValues)
}

// readWithin is Read keeping at most budget channel values.
func readWithin(r io.Reader, name string, budget int) (*motion.Clip, error) {
	p := &parser{sc: bufio.NewScanner(r), budget: budget}
	p.sc.Buffer(make([]byte, 0, 64*1024), maxToken)
	p.sc.Split(p.scanWords)
	clip, err := p.parse(name)
	if err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: a word longer than %d bytes near line %d", ErrNotBVH, maxToken, p.line)
		}
		return nil, err
	}
	return clip, nil
}

// scanWords splits on ASCII white space (so CRLF files read like LF ones)
// and counts lines for error messages.
func (p *parser) scanWords(data []byte, atEOF bool) (int, []byte, error) {
	start := 0
	for start < len(data) && isSpace(data[start]) {
		if data[start] == '\n' {
			p.line++
		}
		start++
	}
	for i := start; i < len(data); i++ {
		if isSpace(data[i]) {
			return i, data[start:i], nil
		}
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v'
}

func (p *parser) errf(format string, a ...any) error {
	return fmt.Errorf("%w: line %d: %s", ErrNotBVH, p.line+1, fmt.Sprintf(format, a...))
}

// next returns the next word, or an error naming what was expected.
func (p *parser) next(want string) ([]byte, error) {
	if !p.sc.Scan() {
		if err := p.sc.Err(); err != nil {
			return nil, fmt.Errorf("read bvh: %w", err)
		}
		return nil, p.errf("the file ends where %s should be", want)
	}
	return p.sc.Bytes(), nil
}

func (p *parser) expect(word string) error {
	tok, err := p.next(word)
	if err != nil {
		return err
	}
	if !bytes.EqualFold(tok, []byte(word)) {
		return p.errf("found %q where %s should be", clip(tok), word)
	}
	return nil
}

func (p *parser) number(what string) (float64, error) {
	tok, err := p.next(what)
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, p.errf("%s %q is not a number", what, clip(tok))
	}
	return f, nil
}

// frameValue is number for a value of frame f (from 0), naming the frame
// only when there is an error: a file holds millions of values, and
// formatting the name for each took more time and memory than reading it.
func (p *parser) frameValue(f int) (float64, error) {
	if p.sc.Scan() {
		v, err := strconv.ParseFloat(string(p.sc.Bytes()), 64)
		if err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, nil
		}
		return 0, p.errf("a value of frame %d %q is not a number", f+1, clip(p.sc.Bytes()))
	}
	if err := p.sc.Err(); err != nil {
		return 0, fmt.Errorf("read bvh: %w", err)
	}
	return 0, p.errf("the file ends where a value of frame %d should be", f+1)
}

func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

func (p *parser) parse(name string) (*motion.Clip, error) {
	if err := p.expect("HIERARCHY"); err != nil {
		return nil, err
	}
	tok, err := p.next("ROOT")
	if err != nil {
		return nil, err
	}
	for {
		switch string(tok) {
		case "ROOT":
			if err := p.joint(-1, 0); err != nil {
				return nil, err
			}
		case "MOTION":
			return p.motion(name)
		default:
			return nil, p.errf("found %q where ROOT or MOTION should be", clip(tok))
		}
		if tok, err = p.next("MOTION"); err != nil {
			return nil, err
		}
	}
}

// joint reads a joint's name and block, after its ROOT or JOINT keyword.
func (p *parser) joint(parent, depth int) error {
	if depth > maxDepth {
		return p.errf("joints nest deeper than %d", maxDepth)
	}
	if len(p.joints) >= maxJoints {
		return p.errf("more than %d joints", maxJoints)
	}
	nameTok, err := p.next("a joint name")
	if err != nil {
		return err
	}
	name := string(nameTok)
	if name == "{" {
		return p.errf("a joint has no name")
	}
	idx := len(p.joints)
	p.joints = append(p.joints, motion.Joint{Name: name, Parent: parent, Rest: motion.Rest})
	off, err := p.openBlock()
	if err != nil {
		return err
	}
	p.joints[idx].Rest.T = off
	for {
		tok, err := p.next("}")
		if err != nil {
			return err
		}
		switch string(tok) {
		case "CHANNELS":
			if err := p.channelList(idx); err != nil {
				return err
			}
		case "JOINT":
			if err := p.joint(idx, depth+1); err != nil {
				return err
			}
		case "End":
			if err := p.endSite(idx); err != nil {
				return err
			}
		case "}":
			return nil
		default:
			return p.errf("found %q inside joint %q", clip(tok), name)
		}
	}
}

func (p *parser) vec(what string) (motion.Vec3, error) {
	var v [3]float64
	for i := range v {
		f, err := p.number(what)
		if err != nil {
			return motion.Vec3{}, err
		}
		v[i] = f
	}
	return motion.Vec3{X: v[0], Y: v[1], Z: v[2]}, nil
}

func (p *parser) channelList(joint int) error {
	n, err := p.number("a channel count")
	if err != nil {
		return err
	}
	if n < 0 || n > 9 || n != math.Trunc(n) {
		return p.errf("joint %q has %v channels; BVH allows 0 to 6", p.joints[joint].Name, n)
	}
	for range int(n) {
		tok, err := p.next("a channel name")
		if err != nil {
			return err
		}
		if len(tok) != 9 || (!bytes.EqualFold(tok[1:], []byte("position")) && !bytes.EqualFold(tok[1:], []byte("rotation"))) {
			return p.errf("%q is not a BVH channel (such as Xposition or Zrotation)", clip(tok))
		}
		c := channel{joint: joint, kind: 'p'}
		if tok[1] == 'r' || tok[1] == 'R' {
			c.kind = 'r'
		}
		switch tok[0] {
		case 'X', 'x':
			c.axis = motion.AxisX
		case 'Y', 'y':
			c.axis = motion.AxisY
		case 'Z', 'z':
			c.axis = motion.AxisZ
		default:
			return p.errf("%q is not a BVH channel (such as Xposition or Zrotation)", clip(tok))
		}
		p.channels = append(p.channels, c)
	}
	return nil
}

func (p *parser) endSite(parent int) error {
	if err := p.expect("Site"); err != nil {
		return err
	}
	if len(p.joints) >= maxJoints {
		return p.errf("more than %d joints", maxJoints)
	}
	off, err := p.openBlock()
	if err != nil {
		return err
	}
	rest := motion.Rest
	rest.T = off
	p.joints = append(p.joints, motion.Joint{Name: p.joints[parent].Name + "_end", Parent: parent, Rest: rest, Kind: motion.End})
	return p.expect("}")
}

func (p *parser) motion(name string) (*motion.Clip, error) {
	if len(p.joints) == 0 {
		return nil, p.errf("the file has no ROOT joint")
	}
	if err := p.expect("Frames:"); err != nil {
		return nil, err
	}
	nf, err := p.number("the frame count")
	if err != nil {
		return nil, err
	}
	if nf < 1 || nf > maxFrames || nf != math.Trunc(nf) {
		return nil, p.errf("frame count %v is not between 1 and %d", nf, maxFrames)
	}
	frames := int(nf)
	if frames*len(p.channels) > p.budget {
		return nil, p.errf("%d frames of %d channels is more than this reader holds (%d values in all)", frames, len(p.channels), MaxValues)
	}
	if err := p.expect("Frame"); err != nil {
		return nil, err
	}
	if err := p.expect("Time:"); err != nil {
		return nil, err
	}
	ft, err := p.number("the frame time")
	if err != nil {
		return nil, err
	}
	if !(ft > 0) || ft > 10 {
		return nil, p.errf("frame time %v s is not a frame rate", ft)
	}

	skel := &motion.Skeleton{Joints: p.joints}
	actor := &motion.Actor{Name: name, Skeleton: skel, Frames: frames, Tracks: make([]motion.Track, len(p.joints))}
	// Which joints have which kind of channel, and where each rotation's
	// channels start, so one frame turns into transforms in one pass.
	hasPos := make([]bool, len(p.joints))
	hasRot := make([]bool, len(p.joints))
	for _, c := range p.channels {
		if c.kind == 'p' {
			hasPos[c.joint] = true
		} else {
			hasRot[c.joint] = true
		}
	}
	prealloc := min(frames, 1<<14) // grow as frames arrive, never trusting the header alone
	for j := range p.joints {
		if hasPos[j] {
			actor.Tracks[j].T = make([]motion.Vec3, 0, prealloc)
		}
		if hasRot[j] {
			actor.Tracks[j].R = make([]motion.Quat, 0, prealloc)
		}
	}
	pos := make([]motion.Vec3, len(p.joints))
	rot := make([]motion.Quat, len(p.joints))
	for f := range frames {
		for j := range p.joints {
			pos[j] = p.joints[j].Rest.T
			rot[j] = motion.Identity
		}
		for _, c := range p.channels {
			v, err := p.frameValue(f)
			if err != nil {
				return nil, err
			}
			if c.kind == 'p' {
				switch c.axis {
				case motion.AxisX:
					pos[c.joint].X = v
				case motion.AxisY:
					pos[c.joint].Y = v
				default:
					pos[c.joint].Z = v
				}
				continue
			}
			rot[c.joint] = rot[c.joint].Mul(axisRotation(c.axis, v*math.Pi/180))
		}
		for j := range p.joints {
			if hasPos[j] {
				actor.Tracks[j].T = append(actor.Tracks[j].T, pos[j])
			}
			if hasRot[j] {
				actor.Tracks[j].R = append(actor.Tracks[j].R, rot[j])
			}
		}
	}
	c := &motion.Clip{Name: name, FPS: 1 / ft, Actors: []*motion.Actor{actor}, MetresPerUnit: guessUnits(skel)}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotBVH, err)
	}
	return c, nil
}

func axisRotation(a motion.Axis, rad float64) motion.Quat {
	s, c := math.Sincos(rad / 2)
	switch a {
	case motion.AxisX:
		return motion.Quat{X: s, W: c}
	case motion.AxisY:
		return motion.Quat{Y: s, W: c}
	default:
		return motion.Quat{Z: s, W: c}
	}
}

// guessUnits says metres when the rest skeleton is under three units tall,
// centimetres otherwise: people are 1 to 2 m tall, or 100 to 200 cm.
func guessUnits(s *motion.Skeleton) float64 {
	b := motion.EmptyBox
	for _, m := range s.RestWorld() {
		b = b.Add(m.Translation())
	}
	size := b.Size()
	if math.Max(size.X, math.Max(size.Y, size.Z)) > 3 {
		return 0.01
	}
	return 1
}

// openBlock reads the "{" that opens a joint or an End Site and the OFFSET
// line every such block starts with.
func (p *parser) openBlock() (motion.Vec3, error) {
	if err := p.expect("{"); err != nil {
		return motion.Vec3{}, err
	}
	if err := p.expect("OFFSET"); err != nil {
		return motion.Vec3{}, err
	}
	return p.vec("OFFSET")
}
