package preview

import (
	"image"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// scene is a clip made ready to draw: its stage, each actor's bones, and the
// buffers a frame is prepared and drawn in, reused from frame to frame.
type scene struct {
	clip   *motion.Clip
	stage  Stage
	figs   []Figure
	pic    Picture
	canvas Canvas
	// ghost, when set, is drawn faint behind clip (the motion before
	// clean-up); it has the same skeletons.
	ghost *motion.Clip
	// feet are, per actor, the joints whose place on the floor marks a
	// planted foot, and contacts when each is planted; prints are the
	// footprints: where each contact put its foot.
	feet     [][2]int
	contacts []motion.FootContacts
	prints   []motion.Vec3
	all      []Figure // figs, then the ghost's
	planted  []motion.Vec3
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
		apart := hideBesideBody(a.Skeleton, f.Hidden)
		for j, joint := range joints {
			if joint.Parent >= 0 && f.Hidden[joint.Parent] {
				f.Parents[j] = -1
			}
		}
		for foot, knee := range apart {
			f.Parents[foot] = knee
		}
		s.figs = append(s.figs, f)
	}
	return s
}

// hideBesideBody hides, in a humanoid, the joints that are not its body:
// those above its hips and beside them, such as an IK rig's root and pole
// targets (the three.js robot's Bone and PoleTargetL), drawn as sticks
// from the floor to the hips and the feet. A foot that stands apart from
// its leg (that rig's FootL, under the root) stays, and is returned with
// its knee, so its bone is drawn from there.
func hideBesideBody(sk *motion.Skeleton, hidden []bool) (apart map[int]int) {
	h, err := roles.Find(sk)
	if err != nil {
		return nil // not a humanoid: every bone is drawn
	}
	hips := h.Of(roles.Hips)
	if hips < 0 {
		return nil
	}
	apart = map[int]int{}
	for _, l := range h.Legs() {
		if l.Apart >= 0 && l.Lower >= 0 {
			apart[l.Apart] = l.Lower
		}
	}
	for j := range sk.Joints {
		body := false
		for k := j; k >= 0 && !body; k = sk.Joints[k].Parent {
			_, isFoot := apart[k]
			body = k == hips || isFoot
		}
		if !body {
			hidden[j] = true
		}
	}
	return apart
}

// bounds is the box the whole motion stays in.
func (s *scene) bounds() motion.Box { return s.stage.Bounds }

// prepare computes frame f's world positions and projects them.
func (s *scene) prepare(f int, cam Camera, w, h int, pixelScale float64) *Picture {
	s.all = s.all[:0]
	for i, a := range s.clip.Actors {
		s.figs[i].Joints = a.WorldPositions(f, s.figs[i].Joints)
		s.all = append(s.all, s.figs[i])
	}
	if s.ghost != nil {
		for i, a := range s.ghost.Actors {
			g := s.figs[i]
			g.Joints = a.WorldPositions(f, nil)
			g.Ghost = true
			s.all = append(s.all, g)
		}
	}
	Prepare(&s.pic, &s.stage, cam, s.all, w, h, pixelScale)
	if len(s.contacts) > 0 {
		FloorMarks(&s.pic, &s.stage, cam, s.prints, false, pixelScale)
		s.planted = s.planted[:0]
		for i, c := range s.contacts {
			for k, on := range [2][]bool{c.Left, c.Right} {
				if f < len(on) && on[f] {
					s.planted = append(s.planted, s.figs[i].Joints[s.feet[i][k]])
				}
			}
		}
		FloorMarks(&s.pic, &s.stage, cam, s.planted, true, pixelScale)
	}
	return &s.pic
}

// mark shows contacts (per actor) as footprints and planted feet, feet
// naming each actor's two ankles; nil contacts show none.
func (s *scene) mark(contacts []motion.FootContacts, feet [][2]int) {
	s.contacts, s.feet, s.prints = contacts, feet, nil
	for i, c := range contacts {
		a := s.clip.Actors[i]
		for k, on := range [2][]bool{c.Left, c.Right} {
			for f := 0; f < len(on); f++ {
				if !on[f] {
					continue
				}
				start := f
				for f < len(on) && on[f] {
					f++
				}
				mid := (start + f - 1) / 2
				s.prints = append(s.prints, a.WorldPositions(mid, nil)[feet[i][k]])
			}
		}
	}
}

// draw prepares and draws frame f.
func (s *scene) draw(f int, cam Camera, w, h int, pixelScale float64) image.Image {
	return s.canvas.Draw(s.prepare(f, cam, w, h, pixelScale))
}
