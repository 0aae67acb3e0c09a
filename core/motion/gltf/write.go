package gltf

import (
	"fmt"
	"io"
	"math"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
)

// Write writes c as a GLB file: per actor, a node per joint (the actor's
// roots in the scene) and a skin over its bones and end sites, and one
// animation, named after the clip, with a LINEAR channel for every animated
// translation, rotation and scale, keyed on every frame.
func Write(w io.Writer, c *motion.Clip) error {
	doc, err := Document(c)
	if err != nil {
		return err
	}
	enc := gltf.NewEncoder(w)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write glb: %w", err)
	}
	return nil
}

// Document builds the glTF document Write encodes, for callers that add to
// it (a character's meshes) before writing.
func Document(c *motion.Clip) (*gltf.Document, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("write glb: %w", err)
	}
	doc := gltf.NewDocument()
	doc.Asset.Generator = "Singlecam"
	doc.Scenes[0].Name = "Scene"
	frames := c.Frames()
	times := make([]float32, frames)
	for f := range times {
		times[f] = float32(float64(f) / c.FPS)
	}
	anim := &gltf.Animation{Name: c.Name}
	if anim.Name == "" {
		anim.Name = "motion"
	}
	timeAcc := -1
	if frames > 1 {
		timeAcc = modeler.WriteAccessor(doc, gltf.TargetNone, times)
		doc.Accessors[timeAcc].Min = []float64{float64(times[0])}
		doc.Accessors[timeAcc].Max = []float64{float64(times[frames-1])}
	}
	for ai, a := range c.Actors {
		s := a.Skeleton
		base := len(doc.Nodes)
		skin := &gltf.Skin{Name: a.Name}
		if skin.Name == "" {
			skin.Name = fmt.Sprintf("actor%d", ai+1)
		}
		world := s.RestWorld()
		var ibm [][4][4]float32
		for j, joint := range s.Joints {
			n := &gltf.Node{Name: joint.Name}
			setTRS(n, joint.Rest)
			doc.Nodes = append(doc.Nodes, n)
			if joint.Parent < 0 {
				doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, base+j)
			} else {
				p := doc.Nodes[base+joint.Parent]
				p.Children = append(p.Children, base+j)
			}
			if joint.Kind == motion.Node {
				continue
			}
			inv, ok := world[j].Inverse()
			if !ok {
				return nil, fmt.Errorf("write glb: joint %q has a rest scale of zero", joint.Name)
			}
			skin.Joints = append(skin.Joints, base+j)
			ibm = append(ibm, mat4f(inv))
		}
		if len(skin.Joints) == 0 {
			continue
		}
		skin.InverseBindMatrices = gltf.Index(modeler.WriteAccessor(doc, gltf.TargetNone, ibm))
		doc.Skins = append(doc.Skins, skin)
		if timeAcc < 0 {
			continue
		}
		for j := range s.Joints {
			tr := a.Tracks[j]
			if tr.T != nil {
				addChannel(doc, anim, timeAcc, base+j, gltf.TRSTranslation, vec3s(tr.T, frames))
			}
			if tr.R != nil {
				addChannel(doc, anim, timeAcc, base+j, gltf.TRSRotation, quats(tr.R, frames))
			}
			if tr.S != nil {
				addChannel(doc, anim, timeAcc, base+j, gltf.TRSScale, vec3s(tr.S, frames))
			}
		}
	}
	if len(anim.Channels) > 0 {
		doc.Animations = append(doc.Animations, anim)
	}
	return doc, nil
}

func addChannel(doc *gltf.Document, a *gltf.Animation, input, node int, path gltf.TRSProperty, data any) {
	out := modeler.WriteAccessor(doc, gltf.TargetNone, data)
	a.Samplers = append(a.Samplers, &gltf.AnimationSampler{Input: input, Output: out, Interpolation: gltf.InterpolationLinear})
	a.Channels = append(a.Channels, &gltf.AnimationChannel{
		Sampler: len(a.Samplers) - 1,
		Target:  gltf.AnimationChannelTarget{Node: gltf.Index(node), Path: path},
	})
}

// vec3s pads an actor's shorter track with its last value to the clip's frames.
func vec3s(v []motion.Vec3, frames int) [][3]float32 {
	out := make([][3]float32, frames)
	for f := range out {
		p := v[min(f, len(v)-1)]
		out[f] = [3]float32{float32(p.X), float32(p.Y), float32(p.Z)}
	}
	return out
}

func quats(q []motion.Quat, frames int) [][4]float32 {
	out := make([][4]float32, frames)
	var prev motion.Quat
	for f := range out {
		r := q[min(f, len(q)-1)].Normalize()
		// Keep neighbours in one hemisphere so LINEAR slerps the short way
		// in every player, even those that lerp.
		if f > 0 && prev.Dot(r) < 0 {
			r = motion.Quat{X: -r.X, Y: -r.Y, Z: -r.Z, W: -r.W}
		}
		prev = r
		out[f] = [4]float32{float32(r.X), float32(r.Y), float32(r.Z), float32(r.W)}
	}
	return out
}

func setTRS(n *gltf.Node, t motion.Transform) {
	r := t.R.Normalize()
	n.Translation = [3]float64{t.T.X, t.T.Y, t.T.Z}
	n.Rotation = [4]float64{r.X, r.Y, r.Z, r.W}
	n.Scale = [3]float64{t.S.X, t.S.Y, t.S.Z}
	if math.Abs(r.W-1) < 1e-15 {
		n.Rotation = gltf.DefaultRotation
	}
}

// mat4f converts a column-major matrix to the [row][column] float32 array
// the modeler writes out column by column, cleaning the last row to exactly
// 0 0 0 1 as the validator wants.
func mat4f(m motion.Mat4) [4][4]float32 {
	var out [4][4]float32
	for c := range 4 {
		for r := range 3 {
			out[r][c] = float32(m[c*4+r])
		}
	}
	out[3][3] = 1
	return out
}
