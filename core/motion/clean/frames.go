package clean

import "singlecam/core/motion"

// positions holds every joint's world position on every frame, computed
// once: contact finding, planning and measuring all read it.
type positions struct {
	joints int
	p      []motion.Vec3 // frame-major: p[f*joints+j]
}

func worldPositions(a *motion.Actor) *positions { return worldPositionsOf(a, nil) }

// worldPositionsOf is worldPositions with the body's mesh soles (b.Soles,
// when b has any) after the joints on every frame: sole k of all is at
// index len(joints)+k.
func worldPositionsOf(a *motion.Actor, b *Body) *positions {
	n := len(a.Skeleton.Joints)
	var extra []Sole
	if b != nil {
		extra = append(append(extra, b.Soles[0]...), b.Soles[1]...)
	}
	m := n + len(extra)
	ps := &positions{joints: m, p: make([]motion.Vec3, a.Frames*m)}
	w := make([]motion.Mat4, n)
	for f := range a.Frames {
		w = a.WorldMatrices(f, w)
		row := ps.p[f*m : (f+1)*m]
		for j := range w {
			row[j] = w[j].Translation()
		}
		for k := range extra {
			row[n+k] = extra[k].At(w)
		}
	}
	return ps
}

// at returns joint j's position on frame f.
func (ps *positions) at(f, j int) motion.Vec3 { return ps.p[f*ps.joints+j] }

// frames returns the number of frames held.
func (ps *positions) frames() int { return len(ps.p) / max(1, ps.joints) }

// cloneActor copies a's tracks so that changes leave a as it was; the
// skeleton is shared (clean-up never changes it).
func cloneActor(a *motion.Actor) *motion.Actor {
	b := *a
	b.Tracks = make([]motion.Track, len(a.Tracks))
	for j, t := range a.Tracks {
		b.Tracks[j] = motion.Track{T: clone(t.T), R: clone(t.R), S: clone(t.S)}
	}
	if a.Contacts != nil {
		b.Contacts = &motion.FootContacts{Left: clone(a.Contacts.Left), Right: clone(a.Contacts.Right)}
	}
	return &b
}

func clone[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T(nil), s...)
}

// horizontal returns v without its component along up.
func horizontal(v, up motion.Vec3) motion.Vec3 { return v.Sub(up.Scale(v.Dot(up))) }
