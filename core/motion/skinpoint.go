package motion

// SkinPoint is a point of a character's mesh as its skeleton moves it: the
// weighted sum of the point's place in up to four joints' frames, as glTF
// skinning moves a vertex (each joint's world matrix times its inverse bind
// matrix, applied to the vertex), or one joint carrying it (a mesh node
// hung under the joint's node). Clean-up stands a character's soles on the
// floor with it, and retargeting finds a character's lowest point.
type SkinPoint struct {
	Joints  [4]int     // skeleton joints, -1 for none (the rest follow)
	Weights [4]float64 // the joints' shares, summing to 1
	Local   [4]Vec3    // the point in each joint's frame
}

// At is the point's world position with the joints' world matrices w.
func (s *SkinPoint) At(w []Mat4) Vec3 {
	var p Vec3
	for i, j := range s.Joints {
		if j < 0 {
			break
		}
		p = p.Add(w[j].Point(s.Local[i]).Scale(s.Weights[i]))
	}
	return p
}
