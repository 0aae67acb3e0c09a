package ugcsim

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"sync"

	"singlecam/core/media"
	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// jobMotion is what a finished job's motion files are made from: the job,
// and the frame rate and length of the part of the video it processed.
// The motion itself is made on first use and shared by every output.
type jobMotion struct {
	jobID, jobName string
	fps, seconds   float64

	once sync.Once
	clip *motion.Clip
}

// Bounds on the simulator's motion: real videos run up to Move's limits,
// but a demo needs no more than two minutes of motion.
const (
	defaultMotionFPS     = 30.0
	defaultMotionSeconds = 3.0
	maxMotionSeconds     = 120.0
)

// newJobMotion reads the video's frame rate and length from its headers;
// the job's clip window, when set, is the length processed. A video the
// probe cannot read (tests upload a few bytes) gives 3 s at 30 fps.
func newJobMotion(j *jobRec, videoPath string) *jobMotion {
	m := &jobMotion{jobID: j.id, fps: defaultMotionFPS, seconds: defaultMotionSeconds}
	if j.name != nil {
		m.jobName = *j.name
	}
	if videoPath != "" {
		if r, err := media.Probe(videoPath, media.Options{}); err == nil {
			if r.FPS >= 1 && r.FPS <= 240 {
				m.fps = r.FPS
			}
			if d := r.Duration.Seconds(); d > 0 {
				m.seconds = d
			}
		}
	}
	if w := j.clipWindow; w != nil && w.end > w.start {
		m.seconds = math.Min(m.seconds, w.end-w.start)
		if m.seconds <= 0 {
			m.seconds = w.end - w.start
		}
	}
	m.seconds = math.Max(1/m.fps, math.Min(m.seconds, maxMotionSeconds))
	return m
}

// motion returns the job's clip on Move One's rig: a T-pose frame, then a
// walk, a jump or a wave (the job's name picks one when it says which).
func (m *jobMotion) motion() *motion.Clip {
	m.once.Do(func() {
		c, err := synth.Clip(rigs.Move(), synth.Options{
			Kind: synth.KindFor(m.jobName, m.jobID), FPS: m.fps, Seconds: m.seconds, Name: "Take 001",
		})
		if err == nil {
			c.Actors[0].Name = "character_1"
			m.clip = c
		}
	})
	return m.clip
}

// glbFile is MAIN_GLB and ALL_GLB: the motion as a GLB with a skin.
func glbFile(m *jobMotion) []byte {
	var buf bytes.Buffer
	c := m.motion()
	if c == nil || gltf.Write(&buf, c) != nil {
		return placeholder("glTF binary")(m)
	}
	return buf.Bytes()
}

// bvhZipFile is ALL_BVH: a ZIP holding one BVH per actor, as Move
// documents it.
func bvhZipFile(m *jobMotion) []byte {
	var buf bytes.Buffer
	c := m.motion()
	if c == nil || bvh.WriteZip(&buf, c, bvh.Options{}) != nil {
		return placeholder("BVH")(m)
	}
	return buf.Bytes()
}

// bvhFile is the first actor's motion as one BVH.
func bvhFile(m *jobMotion) []byte {
	var buf bytes.Buffer
	c := m.motion()
	if c == nil || bvh.Write(&buf, c, 0, bvh.Options{}) != nil {
		return placeholder("BVH")(m)
	}
	return buf.Bytes()
}

// moveDataJoints maps the 18 joints of Move's MOTION_DATA JSON to the rig's
// bones, with the rotation type each has in Move's public sample.
var moveDataJoints = []struct{ name, bone, typ string }{
	{"Root", "_1:Hips", "euler_xyz"},
	{"Left_hip", "_1:LeftUpLeg", "euler_xyz"},
	{"Left_knee", "_1:LeftLeg", "euler_x"},
	{"Left_ankle", "_1:LeftFoot", "euler_xyz"},
	{"Left_toe", "_1:LeftToeBase", "euler_x"},
	{"Right_hip", "_1:RightUpLeg", "euler_xyz"},
	{"Right_knee", "_1:RightLeg", "euler_x"},
	{"Right_ankle", "_1:RightFoot", "euler_xyz"},
	{"Right_toe", "_1:RightToeBase", "euler_x"},
	{"Spine1", "_1:Spine", "euler_xyz"},
	{"Spine2", "_1:Spine1", "euler_xyz"},
	{"Left_shoulder_rotation", "_1:LeftArm", "euler_xyz"},
	{"Left_elbow", "_1:LeftForeArm", "euler_z"},
	{"Left_wrist", "_1:LeftHand", "euler_zyx"},
	{"Neck", "_1:Neck", "euler_xyz"},
	{"Right_shoulder_rotation", "_1:RightArm", "euler_xyz"},
	{"Right_elbow", "_1:RightForeArm", "euler_z"},
	{"Right_wrist", "_1:RightHand", "euler_zyx"},
}

// motionDataJSON writes the first actor in the layout of Move's public
// MOTION_DATA sample: {"mocap_data": [{"timestamp": "seconds as a string",
// "joint_data": {name: {position, type, rotations, torques,
// reaction_forces}}}]}, positions in metres with Z up. A toe that touches
// the floor carries a reaction force, as planted feet do in the sample.
func motionDataJSON(m *jobMotion) []byte {
	c := m.motion()
	if c == nil {
		return []byte(`{"mocap_data": []}` + "\n")
	}
	a := c.Actors[0]
	idx := make([]int, len(moveDataJoints))
	for i, j := range moveDataJoints {
		idx[i] = a.Skeleton.Index(j.bone)
	}
	// Appended by hand: this file is the biggest the simulator makes (two
	// minutes at 60 fps is 7,200 frames of 18 joints), made under its lock.
	b := make([]byte, 0, a.Frames*len(moveDataJoints)*160)
	b = append(b, `{"mocap_data": [`...)
	var world []motion.Mat4
	num := func(v float64) { b = strconv.AppendFloat(b, v, 'f', 5, 64) }
	for f := range a.Frames {
		world = a.WorldMatrices(f, world)
		if f > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"timestamp\": \""...)
		b = strconv.AppendFloat(b, float64(f)/c.FPS, 'f', -1, 64)
		b = append(b, `", "joint_data": {`...)
		for i, j := range moveDataJoints {
			if i > 0 {
				b = append(b, ", "...)
			}
			p := world[idx[i]].Translation()
			b = append(b, '"')
			b = append(b, j.name...)
			b = append(b, `": {"position": [`...)
			// Y up, facing +Z → Z up: (x, y, z) → (x, −z, y).
			num(p.X)
			b = append(b, ", "...)
			num(-p.Z)
			b = append(b, ", "...)
			num(p.Y)
			b = append(b, `], "type": "`...)
			b = append(b, j.typ...)
			b = append(b, `", "rotations": [`...)
			angles := rotationsOf(a.Local(idx[i], f).R, j.typ)
			for k, v := range angles {
				if k > 0 {
					b = append(b, ", "...)
				}
				num(v)
			}
			b = append(b, `], "torques": [`...)
			for k := range angles {
				if k > 0 {
					b = append(b, ", "...)
				}
				b = append(b, "0.0"...)
			}
			force := 0.0
			if strings.HasSuffix(j.name, "_toe") && p.Y < 0.04 {
				force = 1000
			}
			b = append(b, `], "reaction_forces": `...)
			num(force)
			b = append(b, '}')
		}
		b = append(b, "}}"...)
	}
	b = append(b, "\n]}\n"...)
	return b
}

// rotationsOf returns a rotation as the angles (radians) of a MOTION_DATA
// rotation type: three for euler_xyz and euler_zyx, one for euler_x or
// euler_z (that axis's share of the rotation).
func rotationsOf(q motion.Quat, typ string) []float64 {
	switch typ {
	case "euler_zyx":
		e := q.Euler(motion.EulerOrder{motion.AxisZ, motion.AxisY, motion.AxisX})
		return e[:]
	case "euler_x":
		return []float64{q.Euler(motion.EulerOrder{motion.AxisX, motion.AxisY, motion.AxisZ})[0]}
	case "euler_z":
		return []float64{q.Euler(motion.EulerOrder{motion.AxisZ, motion.AxisY, motion.AxisX})[0]}
	default:
		e := q.Euler(motion.EulerOrder{motion.AxisX, motion.AxisY, motion.AxisZ})
		return e[:]
	}
}
