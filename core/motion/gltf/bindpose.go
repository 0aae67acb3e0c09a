package gltf

import (
	"math"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
)

// InverseBinds reads a skin's inverse bind matrices (identity where the
// file gives none or they do not read), one per joint of the skin.
func InverseBinds(doc *gltf.Document, skin *gltf.Skin) []motion.Mat4 {
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

// restFromBindPose makes the skeleton's rest pose the pose its mesh was
// bound in, as Blender's glTF importer does by default ("guess original
// bind pose"). A node's own transform is only where the file left the
// joint, often a frame of some animation: the three.js robot's head node
// is turned 175° from the way its face was modelled, and its arms 60–165°,
// so a motion retargeted from that "rest" faced its head backwards.
//
// A joint takes its rotation and translation relative to its parent from
// the two joints' bind matrices; the top joints (whose parent is no joint)
// keep their node's transform, since bind matrices are in the mesh's space
// and that may differ from the scene's. A joint with no usable bind matrix
// keeps its node's transform too.
func restFromBindPose(doc *gltf.Document, r *rig) {
	bind := map[int]motion.Mat4{} // node → bind pose world matrix
	for _, skin := range doc.Skins {
		if skin == nil || skin.InverseBindMatrices == nil {
			continue
		}
		for i, m := range InverseBinds(doc, skin) {
			n := skin.Joints[i]
			if _, seen := bind[n]; seen {
				continue
			}
			if w, ok := m.Inverse(); ok && rigid(&w) {
				bind[n] = w
			}
		}
	}
	for j := range r.skel.Joints {
		joint := &r.skel.Joints[j]
		p := joint.Parent
		if joint.Kind != motion.Bone || p < 0 || r.skel.Joints[p].Kind != motion.Bone {
			continue
		}
		w, ok := bind[r.nodes[j]]
		pw, pok := bind[r.nodes[p]]
		if !ok || !pok {
			continue
		}
		inv, ok := pw.Inverse()
		if !ok {
			continue
		}
		local := inv.Mul(&w)
		t := local.Decompose()
		// Keep the node's scale: bind matrices carry the mesh's scale too,
		// and a pose does not change a bone's length.
		joint.Rest.T, joint.Rest.R = t.T, t.R.Normalize()
	}
}

// rigid reports whether a bind matrix is a finite rotation, translation
// and uniform positive scale: anything else is not a pose to stand in.
func rigid(m *motion.Mat4) bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	t := m.Decompose()
	s := t.S
	if s.X <= 0 || s.Y <= 0 || s.Z <= 0 {
		return false
	}
	return math.Abs(s.X-s.Y) <= 1e-3*s.X && math.Abs(s.X-s.Z) <= 1e-3*s.X
}
