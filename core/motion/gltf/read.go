package gltf

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"math"
	"time"

	"github.com/qmuntal/gltf"

	"singlecam/core/motion"
)

// Options says what Read reads.
type Options struct {
	// Animation is the index of the animation to read; -1 (or any index the
	// file does not have) reads the longest.
	Animation int
	// Files holds the buffers a .gltf keeps in separate files (its folder);
	// nil refuses such files. A .glb needs none.
	Files fs.FS
}

// Animation describes one of the file's animations.
type Animation struct {
	Name     string
	Duration time.Duration
	Channels int
}

// File is what Read found: the clip it built and every animation the file
// holds, so a user can choose another.
type File struct {
	Clip       *motion.Clip
	Animations []Animation
	// Chosen is the index in Animations the clip was built from, or -1 when
	// the file has no animation (the clip is then one frame of the rest pose).
	Chosen int
}

// Limits on what a clip may become once sampled.
const (
	maxFrames = 2_000_000
	// maxSampledPoses (frames × animated tracks) keeps a sampled clip
	// within 128 MB (a rotation key is 32 bytes), so reading stays well
	// inside 256 MB: a 10-minute take at 60 fps on 100 animated tracks is
	// 3.6 million. A few keys far apart cannot make more.
	maxSampledPoses = 4_000_000
	// A few keys far apart with one short gap between two of them ask for
	// the whole span at the short gap's rate: three keys (36 bytes) could
	// ask for 2,000,000 frames, seconds and hundreds of MB to sample (a
	// fuzzed VRM Animation did). So the frames are bounded by the keys the
	// file holds too: framesPerKey each, and freeFrames whatever the keys
	// (10 minutes at 60 fps, so that a sparse animation is never refused
	// for being sparse).
	framesPerKey = 1000
	freeFrames   = 36_000
	// checkEvery is how many frames are sampled between two looks at the
	// context: a drop that is cancelled stops within a millisecond or so.
	checkEvery = 1 << 14
)

// Read is ReadContext without a context: for tests and tools that cannot
// be cancelled.
func Read(r io.ReaderAt, size int64, opt Options) (*File, error) {
	return ReadContext(context.Background(), r, size, opt)
}

// ReadContext parses a glTF 2.0 file (GLB or JSON) of size bytes. Each
// character (skins sharing joints) becomes an actor; the chosen animation
// is sampled at its own key rate into per-frame local transforms. Once ctx
// is done it stops, in the sampling as in the reading (give it r through
// guard.Reader for the reads), and returns ctx's error.
func ReadContext(ctx context.Context, r io.ReaderAt, size int64, opt Options) (*File, error) {
	s, err := open(r, size, opt.Files)
	if err != nil {
		return nil, err
	}
	s.ctx = ctx
	doc := s.doc
	parent, err := parents(doc)
	if err != nil {
		return nil, err
	}
	rs, err := rigs(doc, parent)
	if err != nil {
		return nil, err
	}
	out := &File{Chosen: -1}
	for ai, a := range doc.Animations {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if a == nil {
			return nil, bad("animation %d is null", ai)
		}
		d, err := s.duration(a)
		if err != nil {
			return nil, fmt.Errorf("animation %d: %w", ai, err)
		}
		out.Animations = append(out.Animations, Animation{Name: a.Name, Duration: d, Channels: len(a.Channels)})
		if out.Chosen < 0 || d > out.Animations[out.Chosen].Duration {
			out.Chosen = ai
		}
	}
	if opt.Animation >= 0 && opt.Animation < len(out.Animations) {
		out.Chosen = opt.Animation
	}
	clip := &motion.Clip{FPS: 30, MetresPerUnit: 1}
	for _, rg := range rs {
		clip.Actors = append(clip.Actors, &motion.Actor{Name: rg.name, Skeleton: rg.skel, Frames: 1, Tracks: make([]motion.Track, len(rg.skel.Joints))})
	}
	if out.Chosen >= 0 {
		if err := s.sample(doc.Animations[out.Chosen], rs, clip); err != nil {
			return nil, fmt.Errorf("animation %d: %w", out.Chosen, err)
		}
	}
	if err := clip.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotGLTF, err)
	}
	out.Clip = clip
	return out, nil
}

// duration reads only the animation's input accessors' min and max (or,
// when a file leaves them out, their first and last keys): listing a
// file's animations reads none of their keys, so only the chosen one costs
// memory. An animation lasts from its first key to its last, as
// motion.Clip.Duration says for the clip read from it.
func (s *source) duration(a *gltf.Animation) (time.Duration, error) {
	start, end := math.Inf(1), 0.0
	for si, sm := range a.Samplers {
		if sm == nil || sm.Input < 0 || sm.Input >= len(s.doc.Accessors) || s.doc.Accessors[sm.Input] == nil {
			return 0, bad("sampler %d has no input", si)
		}
		acc := s.doc.Accessors[sm.Input]
		if len(acc.Max) == 1 && len(acc.Min) == 1 {
			start, end = math.Min(start, acc.Min[0]), math.Max(end, acc.Max[0])
			continue
		}
		first, last, err := s.endFloats(sm.Input)
		if err != nil {
			return 0, err
		}
		start, end = math.Min(start, first), math.Max(end, last)
	}
	if math.IsInf(start, 1) || !(start <= end) {
		start = 0
	}
	if math.IsNaN(end) || end > 1e6 || math.IsNaN(start) || start < -1e6 {
		return 0, bad("the animation lasts %v s", end-start)
	}
	return time.Duration(math.Round((end - start) * float64(time.Second))), nil
}

// target is one channel resolved: which actor and joint it moves.
type target struct {
	actor, joint int
	path         gltf.TRSProperty
	sampler      *gltf.AnimationSampler
}

// sample reads the animation's channels that move the rigs' joints and
// samples them at one frame rate from the earliest key to the latest. Key
// times are read first (samplers usually share one input); then each
// channel's values are read, sampled and dropped in turn, so only one
// channel's raw keys are in memory at a time.
func (s *source) sample(a *gltf.Animation, rs []*rig, clip *motion.Clip) error {
	clip.Name = a.Name
	var targets []target
	times := map[int][]float64{}
	for ci, ch := range a.Channels {
		if ch == nil || ch.Target.Node == nil {
			continue
		}
		node := *ch.Target.Node
		if node < 0 || node >= len(s.doc.Nodes) {
			return bad("channel %d targets node %d, which does not exist", ci, node)
		}
		if ch.Target.Path == gltf.TRSWeights {
			continue // morph weights do not move a skeleton
		}
		actor, joint := -1, -1
		for ri, rg := range rs {
			if j, ok := rg.jointOf[node]; ok {
				actor, joint = ri, j
				break
			}
		}
		if actor < 0 {
			continue // a node outside every skeleton (a camera, a prop)
		}
		if ch.Sampler < 0 || ch.Sampler >= len(a.Samplers) || a.Samplers[ch.Sampler] == nil {
			return bad("channel %d uses sampler %d, which does not exist", ci, ch.Sampler)
		}
		sm := a.Samplers[ch.Sampler]
		if _, ok := times[sm.Input]; !ok {
			t, err := s.keyTimes(sm.Input)
			if err != nil {
				return fmt.Errorf("sampler %d: %w", ch.Sampler, err)
			}
			times[sm.Input] = t
		}
		targets = append(targets, target{actor, joint, ch.Target.Path, sm})
	}
	if len(targets) == 0 {
		return nil
	}
	all := make([]*curve, 0, len(times))
	start, end := math.Inf(1), math.Inf(-1)
	for _, t := range times {
		all = append(all, &curve{times: t})
		start = math.Min(start, t[0])
		end = math.Max(end, t[len(t)-1])
	}
	fps := frameRate(all)
	framesF := frameCount(end-start, fps) + 1
	if framesF > maxFrames || framesF*float64(len(targets)) > maxSampledPoses {
		return bad("%.0f frames at %g fps is more than this reader holds", framesF, fps)
	}
	keys := 0
	for _, t := range times {
		keys += len(t)
	}
	if framesF > max(freeFrames, framesPerKey*float64(keys)) {
		return bad("%.0f frames at %g fps (%.0f s) from only %d keys: the keys' times are far apart but for one short gap", framesF, fps, end-start, keys)
	}
	frames := int(framesF)
	clip.FPS = fps
	for _, ac := range clip.Actors {
		ac.Frames = frames
	}
	var buf [4]float64
	var scratch []float64
	for _, tg := range targets {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		c, err := s.curve(tg.sampler, times[tg.sampler.Input], tg.path, scratch)
		if err != nil {
			return err
		}
		scratch = c.values
		tr := &clip.Actors[tg.actor].Tracks[tg.joint]
		k := 0
		switch tg.path {
		case gltf.TRSRotation:
			tr.R = make([]motion.Quat, frames)
			for f := range tr.R {
				if f%checkEvery == checkEvery-1 && s.ctx.Err() != nil {
					return s.ctx.Err()
				}
				c.at(start+float64(f)/fps, &k, buf[:4])
				tr.R[f] = motion.Quat{X: buf[0], Y: buf[1], Z: buf[2], W: buf[3]}.Normalize()
			}
		default:
			v := make([]motion.Vec3, frames)
			for f := range v {
				if f%checkEvery == checkEvery-1 && s.ctx.Err() != nil {
					return s.ctx.Err()
				}
				c.at(start+float64(f)/fps, &k, buf[:3])
				v[f] = motion.Vec3{X: buf[0], Y: buf[1], Z: buf[2]}
			}
			if tg.path == gltf.TRSTranslation {
				tr.T = v
			} else {
				tr.S = v
			}
		}
	}
	return nil
}

// keyTimes reads and checks a sampler's input: increasing times in seconds.
func (s *source) keyTimes(acc int) ([]float64, error) {
	times, err := s.floats(acc, gltf.AccessorScalar, nil)
	if err != nil {
		return nil, err
	}
	if len(times) == 0 {
		return nil, bad("no keys")
	}
	for i := 1; i < len(times); i++ {
		if !(times[i] > times[i-1]) {
			return nil, bad("key times do not increase (key %d)", i)
		}
	}
	if times[0] < -1e6 || times[len(times)-1] > 1e6 {
		return nil, bad("key times out of range")
	}
	return times, nil
}

func comps(p gltf.TRSProperty) int {
	if p == gltf.TRSRotation {
		return 4
	}
	return 3
}

// curve reads one sampler's values for its key times, into scratch when
// it is long enough, and checks that they match.
func (s *source) curve(sm *gltf.AnimationSampler, times []float64, path gltf.TRSProperty, scratch []float64) (*curve, error) {
	want := gltf.AccessorVec3
	if path == gltf.TRSRotation {
		want = gltf.AccessorVec4
	}
	values, err := s.floats(sm.Output, want, scratch)
	if err != nil {
		return nil, err
	}
	c := &curve{times: times, values: values, comps: comps(path), interp: sm.Interpolation}
	per := 1
	switch sm.Interpolation {
	case gltf.InterpolationLinear, gltf.InterpolationStep:
	case gltf.InterpolationCubicSpline:
		per = 3
	default:
		return nil, bad("interpolation %v is not LINEAR, STEP or CUBICSPLINE", sm.Interpolation)
	}
	if len(values) != per*c.comps*len(times) {
		return nil, bad("%d keys but %d values", len(times), len(values)/c.comps)
	}
	return c, nil
}
