package gltf

import (
	"fmt"

	"github.com/qmuntal/gltf"

	"singlecam/core/motion"
)

// rig is one actor's skeleton and which glTF node each joint is.
type rig struct {
	name    string
	skel    *motion.Skeleton
	nodes   []int       // joint index → node
	jointOf map[int]int // node → joint index
}

// parents returns every node's parent (-1 for none), refusing nodes with
// two parents, children that do not exist, and cycles.
func parents(doc *gltf.Document) ([]int, error) {
	p := make([]int, len(doc.Nodes))
	for i := range p {
		p[i] = -1
	}
	for i, n := range doc.Nodes {
		for _, c := range n.Children {
			if c < 0 || c >= len(doc.Nodes) {
				return nil, bad("node %d has child %d, which does not exist", i, c)
			}
			if p[c] != -1 || c == i {
				return nil, bad("node %d has more than one parent", c)
			}
			p[c] = i
		}
	}
	for i := range p {
		steps := 0
		for k := p[i]; k >= 0; k = p[k] {
			if steps++; steps > len(p) {
				return nil, bad("the node hierarchy loops through node %d", i)
			}
		}
	}
	return p, nil
}

// rigs builds one skeleton per character: skins that share a joint are one
// character. Each skeleton holds the skins' joints and every node above
// them (kind Node), so a transformed armature node still moves the bones.
// A file without skins gives one skeleton of every node in the scene.
func rigs(doc *gltf.Document, parent []int) ([]*rig, error) {
	var groups [][]int // node lists of joints
	var names []string
	if len(doc.Skins) == 0 {
		var all []int
		for i := range doc.Nodes {
			if doc.Nodes[i].Mesh == nil && doc.Nodes[i].Camera == nil || len(doc.Nodes[i].Children) > 0 {
				all = append(all, i)
			}
		}
		if len(all) == 0 {
			return nil, bad("the file has no skeleton: no skins and no nodes")
		}
		groups, names = [][]int{all}, []string{""}
	} else {
		// Union skins that share joints.
		owner := map[int]int{} // node → group
		for si, sk := range doc.Skins {
			if sk == nil || len(sk.Joints) == 0 {
				return nil, bad("skin %d has no joints", si)
			}
			g := -1
			for _, j := range sk.Joints {
				if j < 0 || j >= len(doc.Nodes) {
					return nil, bad("skin %d names node %d, which does not exist", si, j)
				}
				if o, ok := owner[j]; ok && g < 0 {
					g = o
				}
			}
			if g < 0 {
				g = len(groups)
				groups = append(groups, nil)
				names = append(names, sk.Name)
			}
			for _, j := range sk.Joints {
				if _, ok := owner[j]; !ok {
					owner[j] = g
					groups[g] = append(groups[g], j)
				}
			}
		}
	}
	var out []*rig
	for gi, joints := range groups {
		isJoint := map[int]bool{}
		keep := map[int]bool{}
		for _, j := range joints {
			isJoint[j] = true
			for k := j; k >= 0 && !keep[k]; k = parent[k] {
				keep[k] = true
			}
		}
		r := &rig{name: names[gi], skel: &motion.Skeleton{}, jointOf: map[int]int{}}
		// Parents first: walk down from the tops of the kept trees.
		var visit func(n, p int)
		visit = func(n, p int) {
			node := doc.Nodes[n]
			kind := motion.Bone
			if !isJoint[n] {
				kind = motion.Node
			}
			idx := len(r.skel.Joints)
			r.skel.Joints = append(r.skel.Joints, motion.Joint{Name: node.Name, Parent: p, Rest: nodeTransform(node), Kind: kind})
			r.nodes = append(r.nodes, n)
			r.jointOf[n] = idx
			for _, c := range node.Children {
				if keep[c] {
					visit(c, idx)
				}
			}
		}
		for n := range doc.Nodes {
			if keep[n] && (parent[n] < 0 || !keep[parent[n]]) {
				visit(n, -1)
			}
		}
		if r.name == "" && len(r.skel.Joints) > 0 {
			r.name = r.skel.Joints[0].Name
		}
		if err := r.skel.Validate(); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNotGLTF, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// nodeTransform returns a node's local transform, from its matrix when it
// has one.
func nodeTransform(n *gltf.Node) motion.Transform {
	if m := n.MatrixOrDefault(); m != gltf.DefaultMatrix {
		mm := motion.Mat4(m)
		return mm.Decompose()
	}
	t, r, s := n.TranslationOrDefault(), n.RotationOrDefault(), n.ScaleOrDefault()
	return motion.Transform{
		T: motion.Vec3{X: t[0], Y: t[1], Z: t[2]},
		R: motion.Quat{X: r[0], Y: r[1], Z: r[2], W: r[3]}.Normalize(),
		S: motion.Vec3{X: s[0], Y: s[1], Z: s[2]},
	}
}
