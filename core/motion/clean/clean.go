package clean

import (
	"context"
	"fmt"
	"math"

	"singlecam/core/motion"
)

// Result is a cleaned clip and, per actor, what clean-up found and how the
// numbers moved.
type Result struct {
	// Clip is the cleaned clip; the source clip is left as it was.
	Clip *motion.Clip
	// Actors holds one report per actor, in the clip's order.
	Actors []Report
}

// Report says what clean-up found on one actor and how it changed it.
type Report struct {
	// Legs reports whether the actor's legs were known; without them only
	// smoothing runs and only Jitter is measured.
	Legs bool
	// Contacts are the frames on which each foot is planted.
	Contacts motion.FootContacts
	// FromFile reports whether the contacts came from the file (Move's
	// ground reaction forces) rather than from the motion.
	FromFile bool
	// InPlace reports a walk cycle in place (a treadmill walk, as a game's
	// looping walk is): its feet slide back through every stance by design
	// and are planted only on the few slow frames where a stride turns,
	// while its hips stay where they are. Auto leaves such feet as they
	// are (locking those frames would jerk its legs); Lock plants them on
	// those frames. A walk whose hips go forward is never in place, though
	// its feet may slide as well (Singlecam's own synthetic walk does):
	// Auto locks its planted frames as any other's.
	InPlace bool
	// Lift is how far the whole actor was moved up on each frame to stand
	// on the floor (negative: down), in metres; nil when it was not moved.
	Lift []float64
	// Before and After are the numbers of the source and of the result.
	Before, After Numbers
}

// Clean returns a cleaned copy of c. bodies holds one Body per actor (nil
// for an actor whose legs are not known: it is only smoothed).
func Clean(ctx context.Context, c *motion.Clip, bodies []*Body, o Options) (*Result, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if len(bodies) != len(c.Actors) {
		return nil, fmt.Errorf("clean: %d bodies for %d actors", len(bodies), len(c.Actors))
	}
	out := *c
	out.Actors = make([]*motion.Actor, len(c.Actors))
	res := &Result{Clip: &out, Actors: make([]Report, len(c.Actors))}
	for i, a := range c.Actors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b := bodies[i]
		if b != nil {
			if err := b.check(a.Skeleton); err != nil {
				return nil, fmt.Errorf("clean actor %d: %w", i, err)
			}
		}
		judge, unit := scales(c, b)
		cleaned, rep := cleanActor(a, c.FPS, judge, unit, b, o)
		out.Actors[i], res.Actors[i] = cleaned, rep
	}
	return res, nil
}

// scales returns the length the clean-up judges a body by (the body's
// metres per unit: legs of a human's length, whatever unit the clip is
// said to have, so a wrong unit does not change what is planted) and the
// unit the numbers are given in (the clip's, as told: a figure the player
// shows 26 cm tall has its feet skate in that figure's centimetres).
func scales(c *motion.Clip, b *Body) (judge, unit float64) {
	judge, unit = 1, 1
	if c.MetresPerUnit > 0 {
		judge, unit = c.MetresPerUnit, c.MetresPerUnit
	}
	if b != nil {
		judge = b.MetresPerUnit
		if !(c.MetresPerUnit > 0) {
			unit = judge
		}
	}
	return judge, unit
}

func cleanActor(src *motion.Actor, fps, judge, unit float64, b *Body, o Options) (*motion.Actor, Report) {
	a := cloneActor(src)
	before := worldPositionsOf(src, b)
	segs := segments(before, rootOf(src.Skeleton), judge)
	cut := cutAt(segs, a.Frames)
	rep := Report{}
	if b == nil {
		smoothActor(a, fps, o.Smooth, judge, segs, nil, before)
		rep.Before.Jitter = jitter(before, src.Skeleton, cut, fps, unit)
		rep.After.Jitter = jitter(worldPositions(a), a.Skeleton, cut, fps, unit)
		return a, rep
	}
	rep.Legs = true
	// Contacts and the numbers before are the source's alone: the same
	// whatever the options.
	contacts, fromFile := findContacts(src, before, b, fps, segs)
	rep.Contacts = motion.FootContacts{Left: contacts[0], Right: contacts[1]}
	rep.FromFile = fromFile
	rep.InPlace = seldomPlanted(contacts, a.Frames) && inPlace(before, b, fps, segs)
	rep.Before = measure(before, before, src.Skeleton, b, contacts, cut, fps, unit, nil)
	smoothActor(a, fps, o.Smooth, judge, segs, legJoints(a.Skeleton, b), before)
	var lift []float64 // clip units, per frame
	if o.Feet != "" && o.Feet != Off {
		ps := worldPositionsOf(a, b)
		// Auto leaves a walk cycle in place where its author put it.
		leave := rep.InPlace && o.Feet == Auto
		if line, ok := floorLine(a.Skeleton, ps, b, contacts, fps, segs); ok {
			// Stand the actor on the floor the contacts define: the whole
			// body moves along it, so the floor is at height 0.
			lift = make([]float64, len(line))
			for f, h := range line {
				if !leave {
					lift[f] = -h
				}
			}
			moveRoots(a, b.Up, lift, b.Hips)
			for f := range ps.frames() {
				d := b.Up.Scale(lift[f])
				for j := range ps.joints {
					ps.p[f*ps.joints+j] = ps.p[f*ps.joints+j].Add(d)
				}
			}
			g := ground{found: true, inPlace: leave}
			for i := range b.Legs() {
				g.soles[i] = soles(a.Skeleton, b, i)
			}
			g = g.withAnkles(before, b, contacts)
			var paths [2][]motion.Vec3
			for i, leg := range b.Legs() {
				if leave {
					// A walk cycle in place: its feet follow the source
					// exactly through its few planted frames.
					paths[i] = make([]motion.Vec3, before.frames())
					for f := range paths[i] {
						paths[i][f] = before.at(f, leg.Ankle)
					}
					continue
				}
				paths[i] = steadyPath(before, leg.Ankle, fps, segs)
			}
			lockFeet(a, ps, paths, &g, b, contacts, o.Feet, fps)
			rep.Lift = make([]float64, len(lift))
			for f, l := range lift {
				rep.Lift[f] = l * unit
			}
		}
	}
	rep.After = measure(before, worldPositionsOf(a, b), a.Skeleton, b, contacts, cut, fps, unit, lift)
	return a, rep
}

// moveRoots moves the body along up by lift[f] on frame f (world units):
// the topmost joint above the hips that is a bone, in its parent's space.
// Nodes above the skeleton (a glTF armature's, which may hold a fixed
// matrix that no animation may change) stay as they are.
func moveRoots(a *motion.Actor, up motion.Vec3, lift []float64, hips int) {
	top := hips
	s := a.Skeleton
	for p := s.Joints[top].Parent; p >= 0 && s.Joints[p].Kind != motion.Node; p = s.Joints[p].Parent {
		top = p
	}
	ensureT(a, top)
	parent := s.Joints[top].Parent
	w := make([]motion.Mat4, len(s.Joints))
	tr := a.Tracks[top].T
	for f := range tr {
		d := up.Scale(lift[f])
		if parent >= 0 {
			w = a.WorldMatrices(f, w)
			inv, ok := w[parent].Inverse()
			if !ok {
				continue
			}
			d = inv.Dir(d)
		}
		tr[f] = tr[f].Add(d)
	}
}

// lockFeet plans both legs, lowers the hips where needed and solves the legs.
//
// paths holds each ankle's path in the source, steadied: a foot that glides
// through a contact follows it across the floor, so smoothing never makes
// a planted foot slide further than it did.
func lockFeet(a *motion.Actor, ps *positions, paths [2][]motion.Vec3, g *ground, b *Body, contacts [2][]bool, feet Feet, fps float64) {
	var plans [2]legPlan
	for i, leg := range b.Legs() {
		plans[i] = planLeg(ps, paths[i], g, i, leg, contacts[i], b, feet, fps)
	}
	n := a.Frames
	segs := segments(ps, rootOf(a.Skeleton), b.MetresPerUnit)
	cut := cutAt(segs, n)
	// A lone frame between cuts (a T-pose) is not motion: no lock turns or
	// moves its feet across the floor, nor does a fade from a contact after
	// it; they are only kept out of the floor, as on every frame.
	for f := range n {
		if lone(cut, f) {
			for i := range plans {
				plans[i].offset[f], plans[i].yaw[f] = b.Up.Scale(plans[i].offset[f].Dot(b.Up)), 0
			}
		}
	}
	lower := lowerHips(ps, b, plans, fps)
	for f := range n {
		if lone(cut, f) {
			lower[f] = 0
		}
	}
	// Lower the hips, in their parent's space.
	hips := b.Hips
	ensureT(a, hips)
	ensureR(a, b.Left.Hip, b.Left.Knee, b.Left.Ankle, b.Right.Hip, b.Right.Knee, b.Right.Ankle)
	w := make([]motion.Mat4, len(a.Skeleton.Joints))
	for f := range n {
		if lower[f] == 0 {
			continue
		}
		d := b.Up.Scale(-lower[f])
		if p := a.Skeleton.Joints[hips].Parent; p >= 0 {
			w = a.WorldMatrices(f, w)
			inv, ok := w[p].Inverse()
			if !ok {
				continue
			}
			d = inv.Dir(d)
		}
		a.Tracks[hips].T[f] = a.Tracks[hips].T[f].Add(d)
	}
	// No knee may turn faster than the fastest knee of the capture, plus
	// 10 %: a lock that would snap a knee reaches a little less instead.
	limit := 0.0
	for _, leg := range b.Legs() {
		limit = math.Max(limit, kneeRate(ps, leg, cut)*math.Pi/180)
	}
	limit *= 1.1
	var prev [2]float64 // each knee's angle on the frame before, as written
	var hinges [2]motion.Vec3
	for i, leg := range b.Legs() {
		hinges[i] = hingeOf(a, ps, leg)
	}
	for f := range n {
		busy := lower[f] != 0
		for i := range plans {
			busy = busy || plans[i].offset[f] != (motion.Vec3{}) || plans[i].yaw[f] != 0
		}
		if !busy {
			for i, leg := range b.Legs() {
				prev[i] = kneeAngle(ps.at(f, leg.Hip), ps.at(f, leg.Knee), ps.at(f, leg.Ankle))
			}
			continue
		}
		w = a.WorldMatrices(f, w)
		for i, leg := range b.Legs() {
			target := ps.at(f, leg.Ankle).Add(plans[i].offset[f])
			var bend *[2]float64
			if f > 0 && !cut[f] {
				bend = &[2]float64{prev[i] - limit, prev[i] + limit}
			}
			// Soft near full reach, as much as the foot is moved: a leg the
			// lock leaves where the capture has it is solved as it was.
			soft := softReach * math.Min(1, plans[i].offset[f].Len()*b.MetresPerUnit/softFrom)
			prev[i] = solveLeg(a, w, f, leg, target, plans[i].yaw[f], b.Up, soft, bend, hinges[i])
		}
	}
}

// solveLeg turns the leg's hip, knee and ankle on frame f so that the ankle
// reaches target and the foot keeps its captured attitude turned by yaw
// about up. w holds the frame's world matrices before the change; hinge is
// the knee's axis in the thigh's frame (hingeOf), or zero. It returns the
// knee's angle as solved.
func solveLeg(a *motion.Actor, w []motion.Mat4, f int, leg Leg, target motion.Vec3, yaw float64, up motion.Vec3, soft float64, bend *[2]float64, hinge motion.Vec3) float64 {
	h, k, an := w[leg.Hip].Translation(), w[leg.Knee].Translation(), w[leg.Ankle].Translation()
	if hinge != (motion.Vec3{}) {
		hinge = rotationOf(&w[leg.Hip]).Rotate(hinge)
	}
	knee, ankle, ok := twoBone(h, k, an, target, legReach(h, k, an), soft, bend, hinge)
	if !ok {
		return kneeAngle(h, k, an)
	}
	q1 := arc(k.Sub(h), knee.Sub(h))
	a1 := h.Add(q1.Rotate(an.Sub(h)))
	q2 := arc(a1.Sub(knee), ankle.Sub(knee))
	parent := func(j int) motion.Quat {
		if p := a.Skeleton.Joints[j].Parent; p >= 0 {
			return rotationOf(&w[p])
		}
		return motion.Identity
	}
	ph, pk, pa := parent(leg.Hip), parent(leg.Knee), parent(leg.Ankle)
	rh, rk, ra := &a.Tracks[leg.Hip].R[f], &a.Tracks[leg.Knee].R[f], &a.Tracks[leg.Ankle].R[f]
	*rh = turnLocal(*rh, ph, q1)
	// The knee's parent has turned by q1 already.
	*rk = turnLocal(*rk, q1.Mul(pk), q2)
	// The ankle's world rotation: the captured one, turned about up only.
	world := motion.AxisAngle(up, yaw).Mul(pa).Mul(*ra)
	newParent := q2.Mul(q1).Mul(pa)
	*ra = newParent.Conj().Mul(world).Normalize()
	return kneeAngle(h, knee, ankle)
}

// ensureT gives joint j a translation track (its rest value on every frame)
// when it has none.
func ensureT(a *motion.Actor, j int) {
	if a.Tracks[j].T != nil {
		return
	}
	t := make([]motion.Vec3, a.Frames)
	for f := range t {
		t[f] = a.Skeleton.Joints[j].Rest.T
	}
	a.Tracks[j].T = t
}

// ensureR gives the joints rotation tracks when they have none.
func ensureR(a *motion.Actor, joints ...int) {
	for _, j := range joints {
		if a.Tracks[j].R != nil {
			continue
		}
		r := make([]motion.Quat, a.Frames)
		for f := range r {
			r[f] = a.Skeleton.Joints[j].Rest.R
		}
		a.Tracks[j].R = r
	}
}

// legJoints marks the joints of b's legs: each hip and what hangs from it.
func legJoints(s *motion.Skeleton, b *Body) []bool {
	in := make([]bool, len(s.Joints))
	for _, leg := range b.Legs() {
		for j := range s.Joints {
			if j == leg.Hip || above(s, leg.Hip, j) {
				in[j] = true
			}
		}
	}
	return in
}
