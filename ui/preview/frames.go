package preview

import (
	"image"

	"singlecam/core/motion"
)

// scene is a clip made ready to draw: its stage, each actor's bones, and the
// buffers a frame is prepared and drawn in, reused from frame to frame.
type scene struct {
	clip   *motion.Clip
	stage  Stage
	figs   []Figure
	pic    Picture
	canvas Canvas
}

func newScene(clip *motion.Clip) *scene {
	s := &scene{clip: clip}
	bounds := clip.Bounds()
	if bounds.Empty() {
		bounds = motion.Box{Max: motion.Vec3{X: 1, Y: 1.8, Z: 1}}
	}
	perMetre := 0.0
	if clip.MetresPerUnit > 0 {
		perMetre = 1 / clip.MetresPerUnit
	}
	s.stage = NewStage(bounds, bounds.Min.Y, perMetre)
	for _, a := range clip.Actors {
		joints := a.Skeleton.Joints
		f := Figure{Parents: make([]int, len(joints)), Hidden: make([]bool, len(joints))}
		children := make([]int, len(joints))
		for _, joint := range joints {
			if joint.Parent >= 0 {
				children[joint.Parent]++
			}
		}
		for j, joint := range joints {
			// Nodes above a skin (an armature, a scene root) are not part of
			// the body, nor is a root with one child (a handle such as Move's
			// _1:Root, left on the floor while the hips walk away): no dot
			// for them and no bone from them.
			f.Hidden[j] = joint.Kind == motion.Node || (joint.Parent < 0 && children[j] == 1)
			f.Parents[j] = joint.Parent
		}
		for j, joint := range joints {
			if joint.Parent >= 0 && f.Hidden[joint.Parent] {
				f.Parents[j] = -1
			}
		}
		s.figs = append(s.figs, f)
	}
	return s
}

// bounds is the box the whole motion stays in.
func (s *scene) bounds() motion.Box { return s.stage.Bounds }

// prepare computes frame f's world positions and projects them.
func (s *scene) prepare(f int, cam Camera, w, h int, pixelScale float64) *Picture {
	for i, a := range s.clip.Actors {
		s.figs[i].Joints = a.WorldPositions(f, s.figs[i].Joints)
	}
	Prepare(&s.pic, &s.stage, cam, s.figs, w, h, pixelScale)
	return &s.pic
}

// draw prepares and draws frame f.
func (s *scene) draw(f int, cam Camera, w, h int, pixelScale float64) image.Image {
	return s.canvas.Draw(s.prepare(f, cam, w, h, pixelScale))
}
