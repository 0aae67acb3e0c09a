package retarget

import (
	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
	sgltf "singlecam/core/motion/gltf"
)

// vertex is a vertex of the character's mesh as a Contact, with its rest
// world position.
type vertex struct {
	c    Contact
	rest motion.Vec3
}

// vertices lists every vertex of the character's meshes that moves with
// its skeleton: those of skinned meshes, through their skin's joints and
// inverse bind matrices, and those of meshes whose node hangs under a
// joint's node, carried by that joint (the three.js robot is built of
// such rigid parts). A skin joint outside the skeleton (another skin's)
// moves nothing here; its weight goes to the others.
func (c *Character) vertices() []vertex {
	doc, sk := c.file.Doc, c.file.Skeleton
	jointOf := map[int]int{}
	for j, n := range c.file.Nodes {
		jointOf[n] = j
	}
	parent := make([]int, len(doc.Nodes))
	for i := range parent {
		parent[i] = -1
	}
	for i, n := range doc.Nodes {
		if n == nil {
			continue
		}
		for _, k := range n.Children {
			if k >= 0 && k < len(parent) {
				parent[k] = i
			}
		}
	}
	restW := sk.RestWorld()
	var out []vertex
	for i, n := range doc.Nodes {
		if n == nil || n.Mesh == nil || int(*n.Mesh) >= len(doc.Meshes) {
			continue
		}
		var skin *gltf.Skin
		var ibm []motion.Mat4
		carrier, rel := -1, motion.Ident4
		if n.Skin != nil && int(*n.Skin) < len(doc.Skins) {
			skin = doc.Skins[*n.Skin]
			ibm = sgltf.InverseBinds(doc, skin)
		} else {
			// The nearest joint above the mesh's node carries it, with
			// every node between them.
			rel = nodeMatrix(n)
			steps := 0
			for k := parent[i]; k >= 0 && steps <= len(doc.Nodes); k, steps = parent[k], steps+1 {
				if j, ok := jointOf[k]; ok {
					carrier = j
					break
				}
				m := nodeMatrix(doc.Nodes[k])
				rel = m.Mul(&rel)
			}
			if carrier < 0 {
				continue
			}
		}
		for _, prim := range doc.Meshes[*n.Mesh].Primitives {
			out = append(out, primitiveVertices(doc, prim, skin, ibm, jointOf, carrier, rel, restW)...)
		}
	}
	return out
}

// nodeMatrix is a node's local transform: its matrix, or its translation,
// rotation and scale.
func nodeMatrix(n *gltf.Node) motion.Mat4 {
	if n.Matrix != gltf.DefaultMatrix && n.Matrix != [16]float64{} {
		return motion.Mat4(n.Matrix)
	}
	t, r, s := n.TranslationOrDefault(), n.RotationOrDefault(), n.ScaleOrDefault()
	return motion.Transform{
		T: motion.Vec3{X: t[0], Y: t[1], Z: t[2]},
		R: motion.Quat{X: r[0], Y: r[1], Z: r[2], W: r[3]}.Normalize(),
		S: motion.Vec3{X: s[0], Y: s[1], Z: s[2]},
	}.Matrix()
}

// primitiveVertices reads a primitive's vertices: skinned through skin (with
// its inverse bind matrices ibm) when skin is set, else carried by joint
// carrier with the mesh node's transform rel in that joint's frame.
func primitiveVertices(doc *gltf.Document, prim *gltf.Primitive, skin *gltf.Skin, ibm []motion.Mat4, jointOf map[int]int, carrier int, rel motion.Mat4, restW []motion.Mat4) []vertex {
	pi, ok := prim.Attributes[gltf.POSITION]
	if !ok || int(pi) >= len(doc.Accessors) {
		return nil
	}
	pos, err := modeler.ReadPosition(doc, doc.Accessors[pi], nil)
	if err != nil {
		return nil
	}
	point := func(v int) motion.Vec3 {
		return motion.Vec3{X: float64(pos[v][0]), Y: float64(pos[v][1]), Z: float64(pos[v][2])}
	}
	var out []vertex
	if skin == nil {
		for v := range pos {
			c := Contact{Joints: [4]int{carrier, -1, -1, -1}, Weights: [4]float64{1}, Local: [4]motion.Vec3{rel.Point(point(v))}}
			out = append(out, vertex{c: c, rest: c.At(restW)})
		}
		return out
	}
	ji, ok1 := prim.Attributes[gltf.JOINTS_0]
	wi, ok2 := prim.Attributes[gltf.WEIGHTS_0]
	if !ok1 || !ok2 || int(ji) >= len(doc.Accessors) || int(wi) >= len(doc.Accessors) {
		return nil
	}
	js, err := modeler.ReadJoints(doc, doc.Accessors[ji], nil)
	if err != nil || len(js) != len(pos) {
		return nil
	}
	ws, err := modeler.ReadWeights(doc, doc.Accessors[wi], nil)
	if err != nil || len(ws) != len(pos) {
		return nil
	}
	for v := range pos {
		c := Contact{Joints: [4]int{-1, -1, -1, -1}}
		var sum float64
		k := 0
		for i := range 4 {
			w, s := float64(ws[v][i]), int(js[v][i])
			if w <= 0 || s >= len(skin.Joints) || s >= len(ibm) {
				continue
			}
			j, ok := jointOf[int(skin.Joints[s])]
			if !ok {
				continue
			}
			c.Joints[k], c.Weights[k] = j, w
			c.Local[k] = ibm[s].Point(point(v))
			k++
			sum += w
		}
		if k == 0 || sum <= 0 {
			continue
		}
		for i := range k {
			c.Weights[i] /= sum
		}
		out = append(out, vertex{c: c, rest: c.At(restW)})
	}
	return out
}
