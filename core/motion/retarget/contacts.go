package retarget

import (
	"math"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Contact is a vertex of a character's skin that can touch the floor: a
// point of a sole, moved by up to four joints as glTF skinning moves it
// (the weighted sum of each joint's world matrix times its inverse bind
// matrix, applied to the vertex).
type Contact struct {
	Joints  [4]int         // skeleton joints, -1 for none
	Weights [4]float64     // summing to 1
	Local   [4]motion.Vec3 // the vertex in each joint's frame (inverse bind matrix × vertex)
}

// at is the contact's world position with the joints' world matrices m.
func (c *Contact) at(m []motion.Mat4) motion.Vec3 {
	var p motion.Vec3
	for i, j := range c.Joints {
		if j < 0 {
			break
		}
		p = p.Add(m[j].Point(c.Local[i]).Scale(c.Weights[i]))
	}
	return p
}

// Soles grounds the character by the vertices of its feet (see Contacts)
// rather than by its foot joints: the lowest of them stands where the
// motion's lowest foot point does. A mesh is what touches the floor: a toe
// modelled past the foot's last joint (CesiumMan's) would otherwise go
// through it when the motion rolls onto the ball of its foot.
func Soles(c []Contact) Option {
	return func(p *plan) {
		if len(c) > 0 {
			p.contacts = c
		}
	}
}

// solesPerFoot bounds the contacts kept for each foot: one per cell of a
// grid laid over the sole, which holds every point that can come lowest
// while costing a few matrix products a frame.
const solesPerFoot = 12

// Contacts finds the soles of a character's feet in its file: for each foot
// (the ankle and every joint below it, as roles.Find names them), the
// vertices skinned mostly to it, thinned to the lowest vertex of each cell
// of a solesPerFoot×solesPerFoot grid laid flat under the foot in the rest
// pose. It returns nil for a character without feet or without skinned
// meshes (the robot's legs end at the shin): its joints then stand for its
// soles.
// They are found once per Character; the slice is shared: do not change it.
func (c *Character) Contacts() []Contact {
	c.soles.Do(func() {
		if h, err := roles.Find(c.file.Skeleton); err == nil {
			c.solesFound = contacts(c.file.Doc, c.file.Skeleton, c.file.Nodes, h)
		}
	})
	return c.solesFound
}

func contacts(doc *gltf.Document, sk *motion.Skeleton, nodes []int, h *roles.Humanoid) []Contact {
	jointOf := map[int]int{}
	for j, n := range nodes {
		jointOf[n] = j
	}
	// Which foot each joint belongs to: 0 left, 1 right, absent for none.
	foot := map[int]int{}
	for k, l := range h.Legs() {
		if l.Foot >= 0 {
			walk(sk, l.Foot, func(j int) { foot[j] = k })
		}
	}
	if len(foot) == 0 {
		return nil
	}
	restW := sk.RestWorld()
	var found [2][]vertex
	for _, n := range doc.Nodes {
		if n == nil || n.Mesh == nil || n.Skin == nil || int(*n.Mesh) >= len(doc.Meshes) || int(*n.Skin) >= len(doc.Skins) {
			continue
		}
		skin := doc.Skins[*n.Skin]
		ibm := inverseBinds(doc, skin)
		for _, prim := range doc.Meshes[*n.Mesh].Primitives {
			for k, v := range primitiveVertices(doc, prim, skin, ibm, jointOf, foot, restW) {
				found[k] = append(found[k], v...)
			}
		}
	}
	_, up, fwd := axes(h)
	side := up.Cross(fwd)
	var out []Contact
	for _, vs := range found {
		out = append(out, thin(vs, up, fwd, side)...)
	}
	return out
}

// inverseBinds reads a skin's inverse bind matrices (identity where the
// file has none, as glTF says).
func inverseBinds(doc *gltf.Document, skin *gltf.Skin) []motion.Mat4 {
	ibm := make([]motion.Mat4, len(skin.Joints))
	for i := range ibm {
		ibm[i] = motion.Ident4
	}
	if skin.InverseBindMatrices == nil || int(*skin.InverseBindMatrices) >= len(doc.Accessors) {
		return ibm
	}
	ms, err := modeler.ReadInverseBindMatrices(doc, doc.Accessors[*skin.InverseBindMatrices], nil)
	if err != nil {
		return ibm
	}
	// The modeler gives a matrix as [row][column].
	for i := 0; i < len(ms) && i < len(ibm); i++ {
		for col := range 4 {
			for row := range 4 {
				ibm[i][col*4+row] = float64(ms[i][row][col])
			}
		}
	}
	return ibm
}

// vertex is a candidate contact with its rest world position.
type vertex struct {
	c    Contact
	rest motion.Vec3
}

// primitiveVertices returns a primitive's vertices weighted at least half to
// a foot's joints, for each foot.
func primitiveVertices(doc *gltf.Document, prim *gltf.Primitive, skin *gltf.Skin, ibm []motion.Mat4, jointOf, foot map[int]int, restW []motion.Mat4) [2][]vertex {
	var out [2][]vertex
	pi, ok1 := prim.Attributes[gltf.POSITION]
	ji, ok2 := prim.Attributes[gltf.JOINTS_0]
	wi, ok3 := prim.Attributes[gltf.WEIGHTS_0]
	if !ok1 || !ok2 || !ok3 || int(pi) >= len(doc.Accessors) || int(ji) >= len(doc.Accessors) || int(wi) >= len(doc.Accessors) {
		return out
	}
	pos, err := modeler.ReadPosition(doc, doc.Accessors[pi], nil)
	if err != nil {
		return out
	}
	js, err := modeler.ReadJoints(doc, doc.Accessors[ji], nil)
	if err != nil || len(js) != len(pos) {
		return out
	}
	ws, err := modeler.ReadWeights(doc, doc.Accessors[wi], nil)
	if err != nil || len(ws) != len(pos) {
		return out
	}
	for v, p := range pos {
		var c Contact
		var onFoot [2]float64
		var sum float64
		k := 0
		for i := range 4 {
			w := float64(ws[v][i])
			s := int(js[v][i])
			if w <= 0 || s >= len(skin.Joints) {
				continue
			}
			j, ok := jointOf[int(skin.Joints[s])]
			if !ok {
				continue
			}
			c.Joints[k], c.Weights[k] = j, w
			c.Local[k] = ibm[s].Point(motion.Vec3{X: float64(p[0]), Y: float64(p[1]), Z: float64(p[2])})
			k++
			sum += w
			if f, ok := foot[j]; ok {
				onFoot[f] += w
			}
		}
		if k == 0 || sum <= 0 {
			continue
		}
		for i := k; i < 4; i++ {
			c.Joints[i] = -1
		}
		for i := range k {
			c.Weights[i] /= sum
		}
		for f := range 2 {
			if onFoot[f] >= 0.5*sum {
				out[f] = append(out[f], vertex{c: c, rest: c.at(restW)})
			}
		}
	}
	return out
}

// thin keeps, of one foot's vertices, the lowest (along up) in each cell of
// a grid of solesPerFoot×solesPerFoot cells spanning the foot's extent along
// fwd and side in the rest pose: the underside of the foot, which holds
// every point that can touch the floor as the foot rolls.
func thin(vs []vertex, up, fwd, side motion.Vec3) []Contact {
	if len(vs) == 0 {
		return nil
	}
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, v := range vs {
		a, b := v.rest.Dot(fwd), v.rest.Dot(side)
		lo[0], hi[0] = min(lo[0], a), max(hi[0], a)
		lo[1], hi[1] = min(lo[1], b), max(hi[1], b)
	}
	cell := func(x, l, h float64) int {
		if h-l < 1e-9 {
			return 0
		}
		return min(solesPerFoot-1, int((x-l)/(h-l)*solesPerFoot))
	}
	best := map[int]int{}
	for i, v := range vs {
		key := cell(v.rest.Dot(fwd), lo[0], hi[0])*solesPerFoot + cell(v.rest.Dot(side), lo[1], hi[1])
		if b, ok := best[key]; !ok || v.rest.Dot(up) < vs[b].rest.Dot(up) {
			best[key] = i
		}
	}
	out := make([]Contact, 0, len(best))
	// In the vertices' order, so the same file gives the same contacts.
	for i, v := range vs {
		key := cell(v.rest.Dot(fwd), lo[0], hi[0])*solesPerFoot + cell(v.rest.Dot(side), lo[1], hi[1])
		if best[key] == i {
			out = append(out, v.c)
		}
	}
	return out
}

// groundByContacts makes the plan find the character's lowest point from
// its sole vertices instead of its foot joints: the joints' clearances and
// the soles laid from the motion's foot joints give way to the mesh itself.
// The motion's foot joints keep their clearances (its lowest point is its
// sole's, estimated from its joints), so a motion standing on its rest
// floor puts the character's lowest vertex on its own rest floor. Without
// both figures' roles there is no floor to keep, and nothing changes.
func (p *plan) groundByContacts() {
	if p.tFig == nil || p.sFig == nil {
		p.contacts = nil
		return
	}
	_, up, _ := axes(p.tFig)
	restW := p.target.RestWorld()
	low := math.Inf(1)
	for i := range p.contacts {
		low = min(low, p.contacts[i].at(restW).Dot(up))
	}
	p.contactClear = low - p.tFloor
	p.footJoint = map[int]bool{}
	for j := range clearances(p.target, p.tFig, p.tRestP, up, p.tFloor) {
		p.footJoint[j] = true
	}
	p.tClear, p.soles = nil, nil
	if p.sClear == nil {
		_, sUp, _ := axes(p.sFig)
		sFloor := math.Inf(1)
		for _, j := range p.srcLegs {
			sFloor = min(sFloor, p.sRestP[j].Dot(sUp))
		}
		p.sClear = clearances(p.source, p.sFig, p.sRestP, sUp, sFloor)
	}
}
