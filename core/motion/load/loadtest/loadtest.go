// Package loadtest builds, for tests, the motion files users bring that no
// corpus file covers: a Z-up centimetre BVH whose first frame is the
// T-pose, a BVH as Blender writes one, a Mixamo character as Blender
// exports it (an Armature node turned 90° and scaled 0.01 above
// mixamorig:Hips), and a VRM Animation.
package loadtest

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"math"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// File is a test file: its name (the ending says its format) and bytes,
// and what reading it should find.
type File struct {
	Name string
	Data []byte
	// Up is the source's up axis ("Y" or "Z") and MetresPerUnit its unit.
	Up            string
	MetresPerUnit float64
	// TPoseFirst says frame 0 is a T-pose different from frame 1.
	TPoseFirst bool
	// Frames and FPS are the file's.
	Frames int
	FPS    float64
}

// Frames and rate of every built file.
const (
	frames = 61
	fps    = 30
)

// Files builds every case.
func Files(t testing.TB) []File {
	t.Helper()
	return []File{zUpCentimetreTPose(t), blenderBVH(t), mixamoArmature(t), vrma(t)}
}

// animate gives the rig frames of motion: the upper arms lowered 60° (±10°)
// from the T-pose about the figure's forward axis, the hips moving forward
// 1 m over the clip. With tposeFirst, frame 0 is the rest pose (arms out).
func animate(r *rolestest.Rig, tposeFirst bool) *motion.Clip {
	s := r.Skeleton
	rest := s.RestWorld()
	a := &motion.Actor{Name: "test", Skeleton: s, Frames: frames, Tracks: make([]motion.Track, len(s.Joints))}
	hips := r.Roles[roles.Hips]
	parentOf := func(j int) motion.Mat4 {
		if p := s.Joints[j].Parent; p >= 0 {
			return rest[p]
		}
		return motion.Ident4
	}
	for _, side := range []struct {
		role roles.Role
		sign float64
	}{{roles.LeftUpperArm, 1}, {roles.RightUpperArm, -1}} {
		j, ok := r.Roles[side.role]
		if !ok {
			continue
		}
		pm := parentOf(j)
		pr := pm.Decompose().R
		rr := make([]motion.Quat, frames)
		for f := range rr {
			angle := (60 + 10*math.Sin(float64(f)/8)) * math.Pi / 180
			if tposeFirst && f == 0 {
				angle = 0
			}
			// Lowering the left arm turns it about the forward axis one
			// way, the right arm the other.
			q := motion.AxisAngle(r.Forward, side.sign*angle)
			rr[f] = pr.Conj().Mul(q).Mul(pr).Mul(s.Joints[j].Rest.R).Normalize()
		}
		a.Tracks[j].R = rr
	}
	hp := parentOf(hips)
	inv, _ := hp.Inverse()
	tt := make([]motion.Vec3, frames)
	for f := range tt {
		d := r.Forward.Scale(float64(f) / frames)
		tt[f] = s.Joints[hips].Rest.T.Add(inv.Dir(d))
	}
	a.Tracks[hips].T = tt
	return &motion.Clip{Name: "test", FPS: fps, Actors: []*motion.Actor{a}, MetresPerUnit: 1}
}

func bvhBytes(t testing.TB, c *motion.Clip) []byte {
	var b bytes.Buffer
	if err := bvh.Write(&b, c, 0, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zUpCentimetreTPose is a CGSpeed-named BVH standing on Z, in
// centimetres, its first frame the T-pose.
func zUpCentimetreTPose(t testing.TB) File {
	c := animate(rolestest.Build(rolestest.CGSpeed, rolestest.Options{ZUp: true}), true)
	// Centimetres: every length times 100 (the rig is built for this file
	// alone, so it is changed in place).
	a := c.Actors[0]
	for j := range a.Skeleton.Joints {
		a.Skeleton.Joints[j].Rest.T = a.Skeleton.Joints[j].Rest.T.Scale(100)
		for f := range a.Tracks[j].T {
			a.Tracks[j].T[f] = a.Tracks[j].T[f].Scale(100)
		}
	}
	c.MetresPerUnit = 0.01
	return File{Name: "zup-cm-tpose.bvh", Data: bvhBytes(t, c), Up: "Z", MetresPerUnit: 0.01, TPoseFirst: true, Frames: frames, FPS: fps}
}

// blenderBVH is a Mixamo armature as Blender's BVH exporter writes it:
// Blender's axes (Z up, facing −Y) and units (metres), no T-pose frame.
func blenderBVH(t testing.TB) File {
	c := animate(rolestest.Build(rolestest.Mixamo, rolestest.Options{ZUp: true}), false)
	return File{Name: "blender-written.bvh", Data: bvhBytes(t, c), Up: "Z", MetresPerUnit: 1, Frames: frames, FPS: fps}
}

// mixamoArmature is a Mixamo character's skeleton as Blender's glTF
// exporter writes it: an Armature node turned +90° about X and scaled
// 0.01 above mixamorig:Hips, bones in centimetres.
func mixamoArmature(t testing.TB) File {
	c := animate(rolestest.Build(rolestest.Mixamo, rolestest.Options{Armature: true}), false)
	var b bytes.Buffer
	if err := gltf.Write(&b, c); err != nil {
		t.Fatal(err)
	}
	return File{Name: "mixamo-armature.glb", Data: b.Bytes(), Up: "Y", MetresPerUnit: 1, Frames: frames, FPS: fps}
}

// vrma is a VRM Animation of a VRoid-shaped figure (a Root above the
// hips, skirt and hair joints), its humanoid bones given by role.
func vrma(t testing.TB) File {
	r := rolestest.Build(rolestest.VRoid, rolestest.Options{})
	c := animate(r, false)
	table := map[string]int{}
	for role, j := range r.Roles {
		table[string(role)] = j
	}
	var b bytes.Buffer
	if err := gltf.WriteVRMA(&b, c, table); err != nil {
		t.Fatal(err)
	}
	return File{Name: "vroid.vrma", Data: b.Bytes(), Up: "Y", MetresPerUnit: 1, Frames: frames, FPS: fps}
}

//go:embed testdata/*.bvh testdata/*.glb testdata/*.gz
var corpus embed.FS

// Corpus returns the real files of testdata (see its README), gunzipped,
// each with what reading it should find (0 where nothing is promised).
func Corpus(t testing.TB) []File {
	t.Helper()
	entries, err := corpus.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var out []File
	for _, e := range entries {
		name := e.Name()
		data, err := corpus.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".gz") {
			z, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(z); err != nil {
				t.Fatal(err)
			}
			name = strings.TrimSuffix(name, ".gz")
		}
		out = append(out, File{Name: name, Data: data, Up: "Y"})
	}
	return out
}
