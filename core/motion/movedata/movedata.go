// Package movedata reads the joint positions of Move's MOTION_DATA JSON
// leniently, as a positions-only clip a player can draw: one object
// {"mocap_data": [frame, ...]}, each frame {"timestamp": seconds (a string
// in Move's sample, a number accepted too), "joint_data": {name:
// {"position": [x, y, z], ...}}}, positions in metres with Z up. Fields it
// does not use (rotations, torques, reaction forces) and fields it does not
// know are skipped, so other versions of the layout still read.
package movedata

import (
	"archive/zip"
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
)

// parents names each joint of Move's sample above it; joints a file adds
// that this table does not know stand alone (drawn as points).
var parents = map[string]string{
	"Left_hip": "Root", "Left_knee": "Left_hip", "Left_ankle": "Left_knee", "Left_toe": "Left_ankle",
	"Right_hip": "Root", "Right_knee": "Right_hip", "Right_ankle": "Right_knee", "Right_toe": "Right_ankle",
	"Spine1": "Root", "Spine2": "Spine1", "Neck": "Spine2",
	"Left_shoulder_rotation": "Spine2", "Left_elbow": "Left_shoulder_rotation", "Left_wrist": "Left_elbow",
	"Right_shoulder_rotation": "Spine2", "Right_elbow": "Right_shoulder_rotation", "Right_wrist": "Right_elbow",
}

type frame struct {
	Timestamp json.RawMessage `json:"timestamp"`
	JointData map[string]struct {
		Position []float64 `json:"position"`
	} `json:"joint_data"`
}

func bad(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrNotMotionData, fmt.Sprintf(format, a...))
}

// Read parses one actor's MOTION_DATA JSON into a clip named name, decoding
// one frame at a time.
func Read(r io.Reader, name string) (*motion.Clip, error) {
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
			return readFrames(dec, name)
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

func readFrames(dec *json.Decoder, name string) (*motion.Clip, error) {
	if err := expectDelim(dec, '['); err != nil {
		return nil, err
	}
	index := map[string]int{}
	var names []string
	var times []float64
	var pos [][]motion.Vec3 // per frame, per joint, Y up
	for dec.More() {
		if len(pos) >= maxFrames {
			return nil, bad("more than %d frames", maxFrames)
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
		}
		times = append(times, t)
		pos = append(pos, row)
	}
	if len(pos) == 0 {
		return nil, bad("mocap_data holds no frames")
	}
	return build(name, names, times, pos)
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

// build turns world positions into a skeleton with identity rotations and
// per-frame translations from each joint's parent.
func build(name string, names []string, times []float64, pos [][]motion.Vec3) (*motion.Clip, error) {
	// Parents first: sort by depth in the known tree (unknown joints and
	// joints whose parent is missing are roots, depth 0).
	present := map[string]bool{}
	for _, n := range names {
		present[n] = true
	}
	depth := func(n string) int {
		d := 0
		for p, ok := parents[n]; ok && present[p]; p, ok = parents[p] {
			d++
		}
		return d
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return depth(names[order[i]]) < depth(names[order[j]]) })
	skel := &motion.Skeleton{}
	at := map[string]int{}
	for _, i := range order {
		n := names[i]
		parent := -1
		if k, ok := at[parents[n]]; ok {
			parent = k
		}
		at[n] = len(skel.Joints)
		skel.Joints = append(skel.Joints, motion.Joint{Name: n, Parent: parent, Rest: motion.Rest})
	}
	a := &motion.Actor{Name: name, Skeleton: skel, Frames: len(pos), Tracks: make([]motion.Track, len(skel.Joints))}
	for j, joint := range skel.Joints {
		src := order[j]
		v := make([]motion.Vec3, len(pos))
		for f := range pos {
			v[f] = pos[f][src]
			if joint.Parent >= 0 {
				v[f] = v[f].Sub(pos[f][order[joint.Parent]])
			}
		}
		skel.Joints[j].Rest.T = v[0]
		a.Tracks[j].T = v
	}
	c := &motion.Clip{Name: name, FPS: rate(times), Actors: []*motion.Actor{a}, MetresPerUnit: 1}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotMotionData, err)
	}
	return c, nil
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
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	files := motion.ZipEntries(zr, ".json")
	if len(files) > 64 {
		return nil, bad("the zip holds %d JSON files", len(files))
	}
	var out *motion.Clip
	for _, f := range files {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("read zip %s: %w", f.Name, err)
		}
		c, err := Read(rc, strings.TrimSuffix(path.Base(f.Name), path.Ext(f.Name)))
		rc.Close()
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
