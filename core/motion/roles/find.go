package roles

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"singlecam/core/motion"
)

// ErrNotHumanoid is wrapped by Find's errors: the skeleton has no two legs,
// two arms and a head it could find.
var ErrNotHumanoid = errors.New("not a humanoid skeleton")

// tree is a skeleton's shape and rest geometry, worked out once.
type tree struct {
	s    *motion.Skeleton
	p    []motion.Vec3 // rest world positions
	kids [][]int       // children, every kind
	// reach is the longest path from a joint down to a leaf of its
	// subtree; next is the child that path goes through (-1 at a leaf).
	reach []float64
	next  []int
}

func newTree(s *motion.Skeleton) *tree {
	n := len(s.Joints)
	w := s.RestWorld()
	t := &tree{s: s, p: make([]motion.Vec3, n), kids: make([][]int, n), reach: make([]float64, n), next: make([]int, n)}
	for i, j := range s.Joints {
		t.p[i] = w[i].Translation()
		t.next[i] = -1
		if j.Parent >= 0 {
			t.kids[j.Parent] = append(t.kids[j.Parent], i)
		}
	}
	for i := n - 1; i >= 0; i-- {
		if par := s.Joints[i].Parent; par >= 0 {
			if l := t.dist(par, i) + t.reach[i]; l > t.reach[par] || t.next[par] < 0 {
				t.reach[par], t.next[par] = l, i
			}
		}
	}
	return t
}

func (t *tree) dist(a, b int) float64 { return t.p[a].Sub(t.p[b]).Len() }

// branch is how far a limb leaving hub through child c reaches.
func (t *tree) branch(hub, c int) float64 { return t.dist(hub, c) + t.reach[c] }

// chain follows the longest path down from c: c, then its farthest-reaching
// child, and so on to a leaf.
func (t *tree) chain(c int) []int {
	var out []int
	for k := c; k >= 0; k = t.next[k] {
		out = append(out, k)
	}
	return out
}

// under reports whether j is a or one of a's descendants.
func (t *tree) under(a, j int) bool {
	for k := j; k >= 0; k = t.s.Joints[k].Parent {
		if k == a {
			return true
		}
	}
	return false
}

func (t *tree) lca(a, b int) int {
	for k := a; k >= 0; k = t.s.Joints[k].Parent {
		if t.under(k, b) {
			return k
		}
	}
	return -1
}

func (t *tree) isEnd(j int) bool { return t.s.Joints[j].Kind == motion.End }

// pair is two mirror-image branches leaving one joint: a pair of limbs.
type pair struct {
	hub, a, b int
	length    float64 // the shorter branch's reach
}

// pairs lists the skeleton's mirror-image branch pairs, longest first:
// two children of one joint whose chains reach about as far, end about as
// far from it, and hold at least two joints (a bone and its end).
func (t *tree) pairs() []pair {
	var out []pair
	for h := range t.s.Joints {
		ks := t.kids[h]
		for i := 0; i < len(ks); i++ {
			for j := i + 1; j < len(ks); j++ {
				a, b := ks[i], ks[j]
				la, lb := t.branch(h, a), t.branch(h, b)
				long := max(la, lb)
				if long <= 0 || math.Abs(la-lb) > 0.2*long {
					continue
				}
				ca, cb := t.chain(a), t.chain(b)
				if len(ca) < 2 || len(cb) < 2 {
					continue
				}
				da, db := t.dist(h, ca[len(ca)-1]), t.dist(h, cb[len(cb)-1])
				if math.Abs(da-db) > 0.2*max(da, db) {
					continue
				}
				out = append(out, pair{hub: h, a: a, b: b, length: min(la, lb)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].length > out[j].length })
	return out
}

// body is one reading of the skeleton: which pair are the legs, which the
// arms, and where the hips and the neck are.
type body struct {
	legs, arms pair
	hips, neck int
}

// candidates is how many of the longest pairs are tried as arms and legs.
const candidates = 8

// bestBody picks the legs and the arms among the longest pairs: the arms'
// joint carries a third chain going up (the neck), the legs hang from the
// hips (their own joint, or the one above it that also carries the spine)
// and point away from the head, and neither pair lies inside the other's
// branches. Of the readings that fit, the one with the longest limbs wins.
func (t *tree) bestBody() (body, bool) {
	ps := t.pairs()
	if len(ps) > candidates {
		ps = ps[:candidates]
	}
	var best body
	bestScore := -1.0
	for _, legs := range ps {
		for _, arms := range ps {
			if legs == arms || t.under(legs.a, arms.hub) || t.under(legs.b, arms.hub) ||
				t.under(arms.a, legs.hub) || t.under(arms.b, legs.hub) || t.under(arms.hub, legs.hub) {
				continue
			}
			hips := legs.hub
			if !t.under(hips, arms.hub) {
				hips = t.lca(legs.hub, arms.hub)
			}
			if hips < 0 || hips == arms.hub || t.isEnd(hips) {
				continue
			}
			up := t.p[arms.hub].Sub(t.p[hips])
			if up.Len() == 0 {
				continue
			}
			up = up.Normalize()
			// The neck is the other chain that rises highest above the arms.
			neck, nBest := -1, 0.1*legs.length
			for _, c := range t.kids[arms.hub] {
				if c == arms.a || c == arms.b || t.isEnd(c) {
					continue
				}
				hi := math.Inf(-1)
				t.walk(c, func(k int) { hi = max(hi, t.p[k].Sub(t.p[arms.hub]).Dot(up)) })
				if hi > nBest {
					neck, nBest = c, hi
				}
			}
			if neck < 0 {
				continue
			}
			low := func(c int) bool {
				ch := t.chain(c)
				return t.p[ch[len(ch)-1]].Sub(t.p[hips]).Dot(up) < 0
			}
			if !low(legs.a) || !low(legs.b) {
				continue
			}
			if score := legs.length + arms.length; score > bestScore {
				best, bestScore = body{legs: legs, arms: arms, hips: hips, neck: neck}, score
			}
		}
	}
	return best, bestScore > 0
}

// limb finds the upper and lower bones along the chain leaving through c
// (upper arm and forearm, thigh and shin): the two consecutive segments
// whose lengths, less the next segment's (the hand, the foot), are the
// most. Counting the next one out keeps a long clavicle (CMU's starts at
// the spine's middle) from passing for the upper arm. A joint whose name
// says it is the upper bone ("UpperArmL", "lfemur") wins a near tie: the
// three.js robot's hand is as long as its upper arm. It returns the chain
// and the index of the upper joint, or -1 when the chain is too short.
func (t *tree) limb(c int, upper map[string]bool) ([]int, int) {
	ch := t.chain(c)
	seg := func(i int) float64 {
		if i+1 >= len(ch) {
			return 0
		}
		return t.dist(ch[i], ch[i+1])
	}
	score := make([]float64, 0, len(ch))
	best, at := math.Inf(-1), -1
	for i := 0; i+1 < len(ch); i++ {
		if t.isEnd(ch[i]) || t.isEnd(ch[i+1]) {
			break
		}
		l := seg(i) + seg(i+1) - seg(i+2)
		score = append(score, l)
		if l > best {
			best, at = l, i
		}
	}
	for i, l := range score {
		if i != at && l >= 0.75*best && upper[stemOfName(t.s.Joints[ch[i]].Name)] {
			return ch, i
		}
	}
	return ch, at
}

// joint returns ch[i] when it is a real joint (not an End Site), else -1.
func (t *tree) joint(ch []int, i int) int {
	if i < 0 || i >= len(ch) || t.isEnd(ch[i]) {
		return -1
	}
	return ch[i]
}

// Find works out which joint of s plays each humanoid role, and the
// figure's up, facing, floor and height, from the hierarchy's shape and the
// rest pose alone (see the package comment). It fails, wrapping
// ErrNotHumanoid, when it finds no two legs, two arms and a head.
func Find(s *motion.Skeleton) (*Humanoid, error) {
	if s == nil || len(s.Joints) == 0 {
		return nil, fmt.Errorf("%w: no joints", ErrNotHumanoid)
	}
	t := newTree(s)
	b, ok := t.bestBody()
	if !ok {
		return nil, fmt.Errorf("%w: no two legs, two arms and a neck were found", ErrNotHumanoid)
	}
	h := &Humanoid{Joints: map[Role]int{Hips: b.hips}}

	// Legs and arms, still unsided.
	var legs [2]Leg
	legLen := 0.0
	for i, c := range []int{b.legs.a, b.legs.b} {
		ch, at := t.limb(c, thighNames)
		if at < 0 {
			return nil, fmt.Errorf("%w: a leg has too few joints", ErrNotHumanoid)
		}
		l := Leg{Upper: ch[at], Lower: ch[at+1], Foot: t.joint(ch, at+2), Toes: t.joint(ch, at+3), Apart: -1}
		end := at + 2
		if l.Toes >= 0 {
			end = at + 3
		}
		l.Chain = append([]int(nil), ch[:min(end+1, len(ch))]...)
		if l.Foot < 0 {
			l.Chain = l.Chain[:at+2]
		}
		legs[i] = l
		legLen += t.dist(l.Upper, l.Lower)
		if at+2 < len(ch) {
			legLen += t.dist(l.Lower, ch[at+2])
		}
	}
	legLen /= 2
	var arms [2]Arm
	for i, c := range []int{b.arms.a, b.arms.b} {
		ch, at := t.limb(c, upperArmNames)
		if at < 0 {
			return nil, fmt.Errorf("%w: an arm has too few joints", ErrNotHumanoid)
		}
		a := Arm{Shoulder: t.joint(ch, at-1), Upper: ch[at], Lower: ch[at+1], Hand: t.joint(ch, at+2)}
		a.Chain = append([]int(nil), ch[:min(at+3, len(ch))]...)
		if a.Hand < 0 {
			a.Chain = a.Chain[:at+2]
		}
		arms[i] = a
	}

	// The spine: hips to the arms' joint, then up the neck while it does
	// not branch.
	var spine []int
	for k := b.arms.hub; k != b.hips; k = s.Joints[k].Parent {
		spine = append(spine, k)
	}
	spine = append(spine, b.hips)
	for i, j := 0, len(spine)-1; i < j; i, j = i+1, j-1 {
		spine[i], spine[j] = spine[j], spine[i]
	}
	neck := []int{b.neck}
	for {
		var real []int
		for _, c := range t.kids[neck[len(neck)-1]] {
			if !t.isEnd(c) {
				real = append(real, c)
			}
		}
		if len(real) != 1 {
			break
		}
		neck = append(neck, real[0])
	}
	if last := neck[len(neck)-1]; len(neck) >= 2 && len(t.kids[last]) == 0 && t.headTop(last, neck[len(neck)-2], legLen) {
		neck = neck[:len(neck)-1]
	}
	head := neck[len(neck)-1]
	h.Spine = append(spine, neck...)
	h.Joints[Head] = head
	if len(neck) >= 2 {
		h.Joints[Neck] = neck[0]
	}
	switch body := spine[1:]; len(body) {
	case 0:
	case 1:
		h.Joints[Spine] = body[0]
	case 2:
		h.Joints[Spine], h.Joints[Chest] = body[0], body[1]
	default:
		h.Joints[Spine], h.Joints[Chest], h.Joints[UpperChest] = body[0], body[len(body)-2], body[len(body)-1]
	}

	// Which way is up, which way the figure faces, and so which side is left.
	h.Up = t.p[head].Sub(t.p[b.hips]).Normalize()
	h.Forward, h.Sides = t.facing(h.Up, legs, arms)
	h.Left = h.Up.Cross(h.Forward).Normalize()
	if t.p[legs[0].Upper].Sub(t.p[legs[1].Upper]).Dot(h.Left) < 0 {
		legs[0], legs[1] = legs[1], legs[0]
	}
	if t.p[arms[0].Upper].Sub(t.p[arms[1].Upper]).Dot(h.Left) < 0 {
		arms[0], arms[1] = arms[1], arms[0]
	}
	for i := range legs {
		if legs[i].Foot < 0 {
			legs[i].Apart = t.apartFoot(b.hips, legs[i], h.Up, h.Left)
		}
	}
	if legs[0].Apart >= 0 && legs[0].Apart == legs[1].Apart {
		// One joint below both knees (legs on one side of the hips, as
		// only a broken file has): it is no one foot, so neither's.
		legs[0].Apart, legs[1].Apart = -1, -1
	}
	h.LeftLeg, h.RightLeg, h.LeftArm, h.RightArm = legs[0], legs[1], arms[0], arms[1]
	for _, side := range []struct {
		l                         Leg
		a                         Arm
		up, low, foot, toes       Role
		shoulder, arm, fore, hand Role
	}{
		{legs[0], arms[0], LeftUpperLeg, LeftLowerLeg, LeftFoot, LeftToes, LeftShoulder, LeftUpperArm, LeftLowerArm, LeftHand},
		{legs[1], arms[1], RightUpperLeg, RightLowerLeg, RightFoot, RightToes, RightShoulder, RightUpperArm, RightLowerArm, RightHand},
	} {
		for role, j := range map[Role]int{
			side.up: side.l.Upper, side.low: side.l.Lower, side.foot: max(side.l.Foot, side.l.Apart), side.toes: side.l.Toes,
			side.shoulder: side.a.Shoulder, side.arm: side.a.Upper, side.fore: side.a.Lower, side.hand: side.a.Hand,
		} {
			if j >= 0 {
				h.Joints[role] = j
			}
		}
	}

	// Floor, height and the hips' height.
	h.Floor = math.Inf(1)
	for _, c := range []int{b.legs.a, b.legs.b} {
		t.walk(c, func(j int) { h.Floor = min(h.Floor, t.p[j].Dot(h.Up)) })
	}
	switch {
	case legs[0].Foot < 0 && legs[0].Apart >= 0 && legs[1].Foot < 0 && legs[1].Apart >= 0:
		// Feet standing apart from the legs (the robot's): they stand on
		// the floor, not its root between them.
		for _, l := range legs {
			t.walk(l.Apart, func(j int) { h.Floor = min(h.Floor, t.p[j].Dot(h.Up)) })
		}
	case legs[0].Foot < 0 || legs[1].Foot < 0:
		// Legs that end at the shin leave the feet elsewhere: any joint
		// outside the hips may be one.
		for j := range s.Joints {
			if !t.under(b.hips, j) && s.Joints[j].Kind == motion.Bone {
				h.Floor = min(h.Floor, t.p[j].Dot(h.Up))
			}
		}
	}
	top := math.Inf(-1)
	t.walk(head, func(j int) { top = max(top, t.p[j].Dot(h.Up)) })
	if top <= t.p[head].Dot(h.Up)+1e-9*legLen {
		below := spine[len(spine)-1]
		if len(neck) >= 2 {
			below = neck[len(neck)-2]
		}
		top = t.p[head].Dot(h.Up) + math.Abs(t.p[head].Sub(t.p[below]).Dot(h.Up))
	}
	h.Height = top - h.Floor
	h.HipsHeight = t.p[b.hips].Dot(h.Up) - h.Floor
	return h, nil
}

// apartFoot finds the foot of a leg that ends at the shin among the joints
// outside the hips' subtree (and not above the hips): the one standing
// below the knee by 0.3 to 2.5 thighs' lengths, no more than 20° off
// straight down from it, on the leg's side of the hips. The nearest to
// straight down wins; -1 when none is. The three.js robot's FootL stands
// 1.5 thighs below its knee, 9° off the vertical; its pole targets stand
// above the knee and its root between the feet.
func (t *tree) apartFoot(hips int, l Leg, up, left motion.Vec3) int {
	thigh := t.dist(l.Upper, l.Lower)
	side := t.p[l.Upper].Sub(t.p[hips]).Dot(left)
	best, bestOff := -1, math.Tan(20*math.Pi/180)
	for j, joint := range t.s.Joints {
		if joint.Kind != motion.Bone || t.under(hips, j) || t.under(j, hips) {
			continue
		}
		d := t.p[j].Sub(t.p[l.Lower])
		down := -d.Dot(up)
		if down < 0.3*thigh || down > 2.5*thigh {
			continue
		}
		if t.p[j].Sub(t.p[hips]).Dot(left)*side <= 0 {
			continue
		}
		if off := d.Add(up.Scale(down)).Len() / down; off <= bestOff {
			best, bestOff = j, off
		}
	}
	return best
}

// headTop reports whether leaf, the last joint above the neck, marks the
// top of the head rather than being the head: by its name when it has one
// ("HeadTop_End", "head_end"), else by standing more than 15% of a leg's
// length above its parent (a head joint sits at the skull's base, about a
// neck's length above the neck).
func (t *tree) headTop(leaf, parent int, legLen float64) bool {
	if name := strings.ToLower(t.s.Joints[leaf].Name); name != "" {
		for _, w := range []string{"end", "top", "nub", "tip"} {
			if strings.Contains(name, w) {
				return true
			}
		}
		return false
	}
	return t.dist(leaf, parent) > 0.15*legLen
}

// walk calls f for j and every joint below it.
func (t *tree) walk(j int, f func(int)) {
	f(j)
	for _, c := range t.kids[j] {
		t.walk(c, f)
	}
}

// facing is the way the figure faces: where its toes point, else what the
// limbs' names say of their sides, else the file's usual front.
func (t *tree) facing(up motion.Vec3, legs [2]Leg, arms [2]Arm) (motion.Vec3, string) {
	flat := func(v motion.Vec3) motion.Vec3 { return v.Sub(up.Scale(v.Dot(up))) }
	var toes motion.Vec3
	foot := 0.0
	for _, l := range legs {
		if l.Foot < 0 {
			continue
		}
		if nx := t.next[l.Foot]; nx >= 0 {
			toes = toes.Add(flat(t.p[nx].Sub(t.p[l.Foot])))
			foot += t.dist(nx, l.Foot)
		}
	}
	if foot > 0 && toes.Len() > 0.2*foot {
		return toes.Normalize(), "toes"
	}
	// Names: a positive vote says limb 0 is the left one.
	vote := 0
	for _, pr := range [][2]int{{legs[0].Upper, legs[1].Upper}, {arms[0].Upper, arms[1].Upper}} {
		vote += sideOfName(t.s.Joints[pr[0]].Name) - sideOfName(t.s.Joints[pr[1]].Name)
	}
	if vote != 0 {
		left := flat(t.p[legs[0].Upper].Sub(t.p[legs[1].Upper]))
		if vote < 0 {
			left = left.Scale(-1)
		}
		if left.Len() > 0 {
			return left.Cross(up).Normalize(), "names"
		}
	}
	front := motion.Vec3{Z: 1}
	if math.Abs(up.Z) > math.Abs(up.Y) {
		front = motion.Vec3{Y: -math.Copysign(1, up.Z)}
	}
	if f := flat(front); f.Len() > 1e-6 {
		return f.Normalize(), "convention"
	}
	return flat(motion.Vec3{X: 1}).Normalize(), "convention"
}
