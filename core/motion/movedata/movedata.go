// Package movedata reads Move's MOTION_DATA JSON leniently as a clip a
// player can draw, an export can write and a retarget can follow: one
// object {"mocap_data": [frame, ...]}, each frame {"timestamp": seconds (a
// string in Move's sample, a number accepted too), "joint_data": {name:
// {"position": [x, y, z], "reaction_forces": N, ...}}}, positions in metres
// with Z up.
//
// The skeleton is built from the positions (bone directions), because they
// are what every joint of the layout carries and their meaning is plain;
// the Euler rotations ("type": "euler_xyz", "euler_x"…) come without the
// frame each is measured in, so they are not used. The ground reaction
// forces become per-frame foot contacts. Torques and fields it does not
// know are skipped, so other versions of the layout still read.
package movedata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"

	"singlecam/core/motion"
)

// ErrNotMotionData is wrapped by every error that says a file is not
// MOTION_DATA JSON that Read can use.
var ErrNotMotionData = errors.New("not usable Move motion data")

const (
	maxFrames = 500_000
	maxJoints = 512
	// minBytesPerValue bounds the joint positions kept by the bytes of
	// JSON read: a frame that leaves a joint out repeats its last position,
	// so a few bytes could otherwise stand for many joints. The shortest
	// real joint entry, {"J":{"position":[0,0,0]}}, takes about 24 bytes;
	// Move's sample about 650. A floor keeps small files from being
	// refused for it.
	minBytesPerValue = 16
	minValueBudget   = 1 << 16
	// MaxValues bounds the joint positions kept (frames × joints), from
	// one file or from all the files of a ZIP together: each takes 32
	// bytes as read and about as much again in the clip built from it, so
	// 2,000,000 stay well under 256 MB. Move's sample takes 18 joints at
	// 60 fps: 2,000,000 is half an hour of it.
	MaxValues = 2_000_000
	// MaxBytes bounds the JSON read, from one file or from all the files
	// of a ZIP together: Move's sample takes 2.9 KB a frame, 10 MB for the
	// longest take Move accepts (60 s); a JSON decoder holds a whole value
	// at once, so one string as long as the file takes three times its
	// size (64 MB took 224 MB), and decodes 15 to 60 MB a second.
	MaxBytes = 32 << 20
)

// budget is what a file (or a ZIP's files together) may still use.
type budget struct {
	bytes  int64
	values int
}

// errTooLarge is returned by a capped reader once its budget is spent.
var errTooLarge = errors.New("too large")

// capped reads from r until its budget's bytes are spent, then fails with
// errTooLarge (not io.EOF: a file cut there would read as damaged JSON).
type capped struct {
	r io.Reader
	b *budget
}

func (c capped) Read(p []byte) (int, error) {
	if c.b.bytes <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.b.bytes {
		p = p[:c.b.bytes]
	}
	n, err := c.r.Read(p)
	c.b.bytes -= int64(n)
	return n, err
}

type frame struct {
	Timestamp json.RawMessage `json:"timestamp"`
	JointData map[string]struct {
		Position       []float64       `json:"position"`
		ReactionForces json.RawMessage `json:"reaction_forces"`
	} `json:"joint_data"`
}

func bad(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrNotMotionData, fmt.Sprintf(format, a...))
}

// Read parses one actor's MOTION_DATA JSON into a clip named name, decoding
// one frame at a time.
func Read(r io.Reader, name string) (*motion.Clip, error) {
	return readWithin(r, name, &budget{bytes: MaxBytes, values: MaxValues})
}

// readWithin is Read within b, which it spends.
func readWithin(r io.Reader, name string, b *budget) (*motion.Clip, error) {
	c, err := readJSON(capped{r, b}, name, b)
	if err != nil && b.bytes <= 0 {
		return nil, bad("the motion data is larger than %d MB, more than Move makes for any take", MaxBytes>>20)
	}
	return c, err
}

func readJSON(r io.Reader, name string, b *budget) (*motion.Clip, error) {
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, bad("the JSON does not parse: %v", err)
		}
		if key, _ := tok.(string); key == "mocap_data" {
			return readFrames(dec, name, b)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, bad("the JSON does not parse: %v", err)
		}
	}
	return nil, bad("there is no mocap_data list")
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return bad("the JSON does not parse: %v", err)
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return bad("found %v where %q should be", tok, string(d))
	}
	return nil
}

func readFrames(dec *json.Decoder, name string, b *budget) (*motion.Clip, error) {
	if err := expectDelim(dec, '['); err != nil {
		return nil, err
	}
	index := map[string]int{}
	var names []string
	var times []float64
	var pos [][]motion.Vec3 // per frame, per joint, Y up
	var force [][]float64   // per frame, per joint
	for dec.More() {
		if len(pos) >= maxFrames {
			return nil, bad("more than %d frames", maxFrames)
		}
		if (len(pos)+1)*len(names) > b.values {
			b.values = 0 // spent: a ZIP's next file may not read either
			return nil, bad("more than %d joint positions (%d frames of %d joints)", MaxValues, len(pos)+1, len(names))
		}
		if len(pos)*len(names) > max(minValueBudget, int(dec.InputOffset())/minBytesPerValue) {
			return nil, bad("%d frames of %d joints in %d bytes: the frames leave out most joints", len(pos), len(names), dec.InputOffset())
		}
		var fr frame
		if err := dec.Decode(&fr); err != nil {
			return nil, bad("frame %d does not parse: %v", len(pos), err)
		}
		t, err := timestamp(fr.Timestamp)
		if err != nil {
			return nil, bad("frame %d: %v", len(pos), err)
		}
		if len(pos) == 0 {
			// The first frame sets the joints, in a stable order.
			for n := range fr.JointData {
				names = append(names, n)
			}
			sort.Strings(names)
			if len(names) == 0 || len(names) > maxJoints {
				return nil, bad("the first frame has %d joints", len(names))
			}
			for i, n := range names {
				index[n] = i
			}
		}
		row := make([]motion.Vec3, len(names))
		if len(pos) > 0 {
			copy(row, pos[len(pos)-1]) // a joint missing from a frame stays put
		}
		forces := make([]float64, len(names))
		for n, j := range fr.JointData {
			i, ok := index[n]
			if !ok || len(j.Position) < 3 {
				continue
			}
			p := motion.Vec3{X: j.Position[0], Y: j.Position[2], Z: -j.Position[1]} // Z up → Y up
			if !p.Finite() {
				return nil, bad("frame %d: joint %s's position is not a number", len(pos), n)
			}
			row[i] = p
			forces[i] = magnitude(j.ReactionForces)
		}
		times = append(times, t)
		pos = append(pos, row)
		force = append(force, forces)
	}
	if len(pos) == 0 {
		return nil, bad("mocap_data holds no frames")
	}
	b.values -= len(pos) * len(names)
	return build(name, names, times, pos, force)
}

// magnitude reads a reaction force given as a number (Move's sample) or a
// vector of components; anything else counts as no force.
func magnitude(raw json.RawMessage) float64 {
	var f float64
	if json.Unmarshal(raw, &f) == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return math.Abs(f)
	}
	var v []float64
	if json.Unmarshal(raw, &v) != nil || len(v) > 3 {
		return 0
	}
	sum := 0.0
	for _, x := range v {
		sum += x * x
	}
	if f := math.Sqrt(sum); !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	return 0
}

func timestamp(raw json.RawMessage) (float64, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strconv.ParseFloat(strings.TrimSpace(s), 64)
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		return 0, errors.New("the timestamp is neither a number nor a string of one")
	}
	return f, nil
}

// rate is the median gap between timestamps as frames per second (30 when
// there is no usable gap), rounded to a whole rate when within 0.1%.
func rate(times []float64) float64 {
	var gaps []float64
	for i := 1; i < len(times); i++ {
		if d := times[i] - times[i-1]; d > 1e-6 {
			gaps = append(gaps, d)
		}
	}
	if len(gaps) == 0 {
		return 30
	}
	sort.Float64s(gaps)
	fps := 1 / gaps[len(gaps)/2]
	if r := math.Round(fps); math.Abs(fps-r) < 1e-3*r {
		fps = r
	}
	return math.Max(1, math.Min(1000, fps))
}

// ReadZip reads every .json file of a MOTION_DATA ZIP that holds
// mocap_data as one actor each (sorted by name), skipping other files.
func ReadZip(r io.ReaderAt, size int64) (*motion.Clip, error) {
	zr, err := motion.OpenZip(r, size)
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	files := motion.ZipEntries(zr, ".json")
	if len(files) > 64 {
		return nil, bad("the zip holds %d JSON files", len(files))
	}
	var out *motion.Clip
	b := &budget{bytes: MaxBytes, values: MaxValues} // shared by the files
	for _, f := range files {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("read zip %s: %w", f.Name, err)
		}
		c, err := readWithin(rc, strings.TrimSuffix(path.Base(f.Name), path.Ext(f.Name)), b)
		rc.Close()
		if err != nil && (b.bytes <= 0 || b.values <= 0) {
			return nil, fmt.Errorf("read zip %s: %w", f.Name, err)
		}
		if err != nil {
			continue // a JSON file that is not motion data (a manifest, sync data)
		}
		if out == nil {
			out = c
			continue
		}
		out.Actors = append(out.Actors, c.Actors...)
	}
	if out == nil {
		return nil, bad("the zip holds no motion data JSON")
	}
	return out, nil
}
